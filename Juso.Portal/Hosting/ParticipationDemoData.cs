using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Community;
using Juso.Domain.Participation;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Hosting;

/// <summary>
/// ひばり野市's 社会資源 (one developed with its host, one paused, two recorded as lacking), a 参加支援プラン in its trial
/// with a follow-up due this week for the coordinator, and three places of 地域づくり with a season of sessions.
/// </summary>
internal static class ParticipationDemoData
{
    private static readonly ResourceDetails[] Resources =
    [
        new("ひばりの家", ResourceKind.DropIn, "誰でも立ち寄れる居場所。お茶を飲みながら過ごせる。", "ひばり野市東町2丁目 旧公民館", "毎週火・金 10時〜16時",
            "人と話すのが久しぶりの人、ひきこもり経験のある人", "社会福祉協議会 地域福祉係 青木", "1階・段差なし。静かな小部屋あり。", 15),
        new("図書館ボランティア（本の整理）", ResourceKind.Volunteer, "市立図書館で返却本の整理と配架。", "ひばり野市立図書館", "毎週水曜 13時〜15時",
            "黙々とした作業が好きな人。短時間から。", "ボランティアセンター 坂本", "エレベーターあり。", 5),
        new("ステップ教室（就労準備支援）", ResourceKind.WorkReadiness, "生活リズムづくり、軽作業、模擬面接。", "くらしサポートセンター 2階", "月・木 10時〜12時",
            "就労の経験が少ない人、面接に不安のある人", "くらしサポートセンター 就労準備支援員", "駅から徒歩5分。", 10),
        new("東町ふれあいサロン", ResourceKind.Salon, "体操と茶話会。", "東町自治会館", "毎月第1・第3木曜 14時〜", "一人暮らしの高齢者", "東町自治会 民生委員", "送迎なし。", 30),
        new("にじいろ食堂", ResourceKind.ChildrensCafeteria, "子どもと保護者の夕食会。学習支援つき。", "西町 ひかり寺 本堂", "毎月第2・第4金曜 17時〜19時",
            "子ども、ひとり親家庭、誰でも", "にじいろ食堂 運営委員会", "駐車場あり。", 40),
    ];

    public static async Task SeedAsync(JusoDbContext db, (string Id, string Name) worker, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var resources = Resources.Select(r => SocialResource.Register(r, now)).ToList();
        var farm = SocialResource.RegisterDeveloped(new ResourceDetails("ひばり野農園（農作業体験）", ResourceKind.Company, "農作業の手伝い。出勤日と時間は本人と相談して決める。",
                "ひばり野市北町 農園", "平日 9時〜11時（相談可）", "人の多い場所が苦手な人、体を動かしたい人", "農園主 大野", "屋外作業。トイレは母屋。", 3),
            "参加支援の受入先を探す中で、農園主に事業の趣旨を説明し、短時間の受入を相談して開拓した。", now);
        var cafe = SocialResource.Register(new ResourceDetails("西町コミュニティカフェ", ResourceKind.DropIn, "地域の人が運営するカフェ。", "西町商店街", "土曜 11時〜15時",
            null, "カフェ運営者", null, 8), now);
        cafe.SetAccepting(false, now);
        var lacking = new[]
        {
            SocialResource.RecordLack(new ResourceDetails("夜間・休日に使える若者の居場所", ResourceKind.DropIn, "平日の昼に動けない若者が、夜や休日に立ち寄れる場所がない。",
                null, null, "10〜30代", null, null, null), "重層的支援会議（ひきこもり事例の検討）", today.AddDays(-40), now),
            SocialResource.RecordLack(new ResourceDetails("通いの場への送迎", ResourceKind.Other, "移動手段のない高齢者がサロンに通えない。",
                null, null, "一人暮らしの高齢者", null, null, null), "東町地区の民生委員定例会", today.AddDays(-75), now),
        };
        db.SocialResources.AddRange([.. resources, farm, cafe, .. lacking]);
        await db.SaveChangesAsync(cancellationToken);

        await SeedPlanAsync(db, worker, resources, farm, today, now, cancellationToken);
        // The neighbour's word that reached outreach through the drop-in: linked to the lead the outreach demo registered.
        var leadId = await db.OutreachLeads.Where(l => l.Description == "東町2丁目の○○さん宅の長男（40代）").Select(l => (int?)l.Id).FirstOrDefaultAsync(cancellationToken);
        // A regular of the drop-in who came to the counter: linked to the oldest case with consent, so the place page shows a case chosen.
        var caseId = await db.Cases.Where(c => c.CurrentConsent == ConsentStatus.Obtained).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        SeedPlaces(db, leadId, caseId, today, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>On the first case in support whose approved 支援プラン uses 参加支援: matched to the farm, in its trial.</summary>
    private static async Task SeedPlanAsync(JusoDbContext db, (string Id, string Name) worker, List<SocialResource> resources, SocialResource farm, DateOnly today,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await (from p in db.Plans
                           join c in db.Cases on p.SupportCaseId equals c.Id
                           where p.UsesParticipationSupport && p.Kind == PlanKind.WithConsent && p.Status == PlanStatus.Active && c.CurrentConsent == ConsentStatus.Obtained
                           orderby c.Id
                           select new { Plan = p, Case = c }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return;
        }
        var household = await db.Households.Include(h => h.Members).SingleAsync(h => h.Id == found.Case.HouseholdId, cancellationToken);
        var person = household.Members.OrderBy(m => m.Relationship).First();
        var actor = new Actor(worker.Id, worker.Name);
        var created = now.AddDays(-30);
        var plan = ParticipationPlan.Create(found.Case, found.Plan, household, person.Id, "週1回、家の外で決まった役割を持つ。", 14, actor, created);
        plan.SetCandidates([farm, resources[2], resources[0]], created);
        plan.Match(farm, new MatchingDetails(farm.Id, "人の少ない屋外で、体を動かす仕事がしたい。", "ひきこもりの期間が長いこと、朝が苦手なこと、急な欠席がありうること（本人了承の範囲）。",
            "週1回・2時間から。初日は支援員が同行する。休むときは支援員に連絡すればよい。", today.AddDays(-24), today.AddDays(-21), today.AddDays(-20), today.AddDays(40)), now.AddDays(-21));
        plan.RecordFollowUp(new FollowUpDetails(today.AddDays(-9), FollowUpTarget.Both, "2回とも参加。農園主は「よく働く」と評価。本人は疲れたが続けたいと話す。",
            today.AddDays(3)), actor, now.AddDays(-9));
        db.ParticipationPlans.Add(plan);
        found.Case.NotePlanChange("参加支援プランを作成しました（デモデータ）。", actor, created);
    }

    private static void SeedPlaces(JusoDbContext db, int? leadId, int? caseId, DateOnly today, DateTimeOffset now)
    {
        var places = new[]
        {
            CommunityPlace.Create(new PlaceDetails("ひばりの家 オープンデー", PlaceKind.DropIn, "ひばり野市社会福祉協議会", "東町2丁目 旧公民館", "毎週火・金",
                "誰でも立ち寄れる居場所の開放日。"), now),
            CommunityPlace.Create(new PlaceDetails("東町ふれあいサロン", PlaceKind.Salon, "東町自治会", "東町自治会館", "毎月第1・第3木曜", "体操と茶話会。"), now),
            CommunityPlace.Create(new PlaceDetails("ひばり野ふれあい夏祭り", PlaceKind.Event, "ひばり野市 地域づくり推進協議会", "中央公園", "毎年8月", "多世代交流のお祭り。"), now),
        };
        for (var week = 1; week <= 12; week++)
        {
            places[0].RecordSession(today.AddDays(-7 * week), 6 + week % 5, null, now);
        }
        for (var month = 0; month < 4; month++)
        {
            places[1].RecordSession(today.AddDays(-14 * month - 3), 18 + month, month == 0 ? "新しい参加者が2人。" : null, now);
        }
        places[2].RecordSession(today.AddDays(-110), 420, "子ども食堂と合同で出店。", now);
        places[0].RecordReferral(today.AddDays(-20), null, leadId, leadId is null ? "東町の男性（60代）" : null, "常連の方から、隣家の長男が外に出ていないと相談があった。アウトリーチにつないだ。", now);
        places[0].RecordReferral(today.AddDays(-31), caseId, null, caseId is null ? "東町の女性（60代）" : null, "常連の方が家族の介護の悩みを話され、その場で相談窓口につないだ。", now);
        db.CommunityPlaces.AddRange(places);
    }
}
