namespace Juso.Portal.Features.Meetings;

/// <summary>
/// What a board records most often, offered while typing so that the room does not wait for the same sentence to be
/// typed again; anything else is still typed (docs/adr/0030).
/// </summary>
public static class BoardPhrases
{
    public static readonly IReadOnlyList<string> Decisions =
    [
        "支援プラン案のとおり承認する。",
        "役割分担のとおり支援を開始する。",
        "次回のモニタリングで支援の状況を確認する。",
        "プランを見直し、次回の会議で再度協議する。",
        "本人の同意を得られるよう、関係機関で働きかけを続ける。",
        "見守りを続け、状況が変わったときは随時会議を開く。",
        "参加支援につなぐ。",
        "支援の目標を達成したため、終結とする。",
    ];

    /// <summary>役割分担の頻度.</summary>
    public static readonly IReadOnlyList<string> Frequencies = ["週1回", "週2回", "隔週", "月1回", "月2回", "2か月に1回", "3か月に1回", "随時", "必要時"];

    /// <summary>役割分担の役割 most plans have; an agency's own earlier roles are offered before these (<c>TaskSuggestions</c>).</summary>
    public static readonly IReadOnlyList<string> Roles =
    [
        "家庭訪問で生活の状況を確認する",
        "相談支援（面談）",
        "関係機関との連絡調整",
        "家計の相談と家計改善の支援",
        "就労に向けた相談と職場見学の同行",
        "居場所・参加の場への同行",
        "医療機関の受診の支援",
        "見守り（地域での声かけ）",
        "福祉サービスの利用申請の支援",
    ];

    /// <summary>会議の対応事項 that come up again and again.</summary>
    public static readonly IReadOnlyList<string> ActionItems =
    [
        "本人に連絡し、面談の日程を調整する",
        "関係機関に会議の結果を伝える",
        "支援プラン案を修正し、次回の会議に提出する",
        "本人の同意を確認する",
        "家庭訪問で状況を確認する",
        "福祉サービスの利用申請を支援する",
        "次回の会議の日程を調整する",
    ];
}
