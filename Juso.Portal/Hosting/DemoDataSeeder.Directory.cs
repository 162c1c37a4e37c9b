using Juso.Domain.Agencies;
using Juso.Infrastructure.Identity;

namespace Juso.Portal.Hosting;

/// <summary>ひばり野市's agencies, their staff and the demo users, one per role.</summary>
public sealed partial class DemoDataSeeder
{
    private static readonly (string Name, AgencyField Field, AgencyOperation Operation, string Contact)[] AgencySeeds =
    [
        ("ひばり野市 福祉総合相談課", AgencyField.Other, AgencyOperation.Direct, "市役所本庁舎1階 内線2110"),
        ("東部地域包括支援センター", AgencyField.Elderly, AgencyOperation.Contracted, "東部コミュニティセンター内"),
        ("西部地域包括支援センター", AgencyField.Elderly, AgencyOperation.Contracted, "西部福祉会館内"),
        ("基幹相談支援センター", AgencyField.Disability, AgencyOperation.Contracted, "総合福祉センター2階"),
        ("障害者相談支援事業所 ひだまり", AgencyField.Disability, AgencyOperation.Contracted, "中央町3丁目"),
        ("こども家庭センター", AgencyField.Children, AgencyOperation.Direct, "市役所本庁舎2階"),
        ("子育て世代支援室", AgencyField.Children, AgencyOperation.Direct, "保健センター内"),
        ("くらしサポートセンター（自立相談支援機関）", AgencyField.Poverty, AgencyOperation.Contracted, "社会福祉協議会内"),
        ("生活福祉課（生活保護）", AgencyField.Poverty, AgencyOperation.Direct, "市役所本庁舎1階"),
        ("ひばり野市社会福祉協議会", AgencyField.Other, AgencyOperation.Contracted, "総合福祉センター1階"),
        ("教育委員会 教育支援室", AgencyField.Other, AgencyOperation.Direct, "教育センター"),
        ("保健センター", AgencyField.Other, AgencyOperation.Direct, "保健センター1階"),
        ("ひきこもり地域支援センター", AgencyField.Other, AgencyOperation.Contracted, "駅前ビル3階"),
        ("地域若者サポートステーション", AgencyField.Other, AgencyOperation.Contracted, "駅前ビル4階"),
    ];

    private static readonly string[][] StaffSeeds =
    [
        ["中川 浩二|ナカガワ コウジ|相談支援包括化推進員", "石田 美穂|イシダ ミホ|課長", "野口 健|ノグチ ケン|係長"],
        ["藤井 由美|フジイ ユミ|主任介護支援専門員", "大野 誠|オオノ マコト|社会福祉士"],
        ["川村 直子|カワムラ ナオコ|保健師", "松田 隆|マツダ タカシ|社会福祉士"],
        ["岡本 聡|オカモト サトシ|相談支援専門員", "村上 恵|ムラカミ メグミ|精神保健福祉士"],
        ["坂本 裕子|サカモト ユウコ|相談支援専門員"],
        ["西田 真理|ニシダ マリ|家庭児童相談員", "原 大輔|ハラ ダイスケ|保健師"],
        ["森 沙織|モリ サオリ|助産師"],
        ["高木 翔|タカギ ショウ|主任相談支援員", "小島 明美|コジマ アケミ|就労支援員"],
        ["吉川 浩|ヨシカワ ヒロシ|ケースワーカー"],
        ["前田 和也|マエダ カズヤ|地域福祉コーディネーター", "平野 さくら|ヒラノ サクラ|生活支援コーディネーター"],
        ["今井 純一|イマイ ジュンイチ|スクールソーシャルワーカー"],
        ["菅原 智子|スガワラ トモコ|保健師"],
        ["桑原 拓也|クワハラ タクヤ|ひきこもり支援コーディネーター"],
        ["北村 彩|キタムラ アヤ|キャリアコンサルタント"],
    ];

    /// <summary>(user name, display name, role, staff "agency index.staff index" or null).</summary>
    private static readonly (string UserName, string DisplayName, string Role, (int Agency, int Staff)? Staff)[] UserSeeds =
    [
        ("coordinator", "中川 浩二", JusoRoles.Coordinator, (0, 0)),
        ("chair", "石田 美穂", JusoRoles.Chair, (0, 1)),
        ("supervisor", "野口 健", JusoRoles.Supervisor, (0, 2)),
        ("member.east", "藤井 由美", JusoRoles.AgencyMember, (1, 0)),
        ("member.children", "西田 真理", JusoRoles.AgencyMember, (5, 0)),
        ("admin", "システム管理者", JusoRoles.Administrator, null),
    ];
}
