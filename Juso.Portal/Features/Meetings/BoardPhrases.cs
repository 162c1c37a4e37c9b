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
}
