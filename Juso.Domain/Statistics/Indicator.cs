namespace Juso.Domain.Statistics;

/// <summary>An evaluation indicator (評価指標) a municipality sets targets for (鶴岡市's list, 武豊町's targets).</summary>
public enum Indicator
{
    NewIntakes,
    PlansMade,
    MultiLayeredMeetings,
    SupportMeetings,
    MeetingsHeld,
    CasesPerRegularSession,
    OutreachFound,
    OutreachPlans,
    OutreachContinuous,
    OutreachConnected,
    ParticipationPlans,
    Matchings,
    CommunityParticipants,
}

/// <summary>Whether the actual figure should reach the target (≥) or stay within it (≤).</summary>
public enum TargetDirection
{
    AtLeast,
    AtMost,
}

/// <summary>
/// An indicator's name, the direction of its target, and where its actual figure comes from: a row of the yearly
/// report, or a feature of its own (outreach, participation) that reports it through the Portal's indicator sources.
/// </summary>
public sealed record IndicatorDefinition(Indicator Indicator, string Label, TargetDirection Direction, string? ReportRow, string Definition)
{
    public bool ComesFromLaterFeature => ReportRow is null;

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new(Indicator.NewIntakes, "新規相談受付件数", TargetDirection.AtLeast, ReportRows.New, "年度内新規受付件数と同じ。"),
        new(Indicator.PlansMade, "支援プランの策定件数", TargetDirection.AtLeast, ReportRows.Plans, "プラン作成件数（新規・再プラン、両種別の合計）と同じ。"),
        new(Indicator.MultiLayeredMeetings, "重層的支援会議の開催回数", TargetDirection.AtLeast, ReportRows.MultiLayeredMeetings, "重層的支援会議（定例・随時）の開催回数。"),
        new(Indicator.SupportMeetings, "支援会議の開催回数", TargetDirection.AtLeast, ReportRows.SupportMeetings, "支援会議（定例・随時）の開催回数。"),
        new(Indicator.MeetingsHeld, "会議の開催回数（合計）", TargetDirection.AtLeast, ReportRows.MeetingsHeld, "重層的支援会議と支援会議の開催回数の合計。"),
        new(Indicator.CasesPerRegularSession, "定例会1回あたりの検討ケース数", TargetDirection.AtMost, ReportRows.AveragePerRegular, "定例会の議題件数÷定例会の開催回数。"),
        new(Indicator.OutreachFound, "アウトリーチ 把握件数", TargetDirection.AtLeast, null, "把握日がその年度の対象者（アウトリーチ）の数。"),
        new(Indicator.OutreachPlans, "アウトリーチ プラン件数", TargetDirection.AtLeast, null, "会議で承認（協議）された日がその年度のアウトリーチプランの数。"),
        new(Indicator.OutreachContinuous, "アウトリーチ 継続的につながっている人数", TargetDirection.AtLeast, null, "その年度に1回以上「会えた」「話せた」接触があった対象者の数。"),
        new(Indicator.OutreachConnected, "アウトリーチ 支援につながった人数", TargetDirection.AtLeast, null, "相談受付につないだ日がその年度の対象者の数。"),
        new(Indicator.ParticipationPlans, "参加支援プラン件数", TargetDirection.AtLeast, null, "作成日がその年度の参加支援プランの数。"),
        new(Indicator.Matchings, "参加支援 マッチング件数", TargetDirection.AtLeast, null, "受け入れ先とのマッチング日がその年度の参加支援プランの数。"),
        new(Indicator.CommunityParticipants, "居場所の延べ参加者数", TargetDirection.AtLeast, null, "その年度に開かれた居場所・イベントの回ごとの参加者数の合計。"),
    ];

    public static IndicatorDefinition Of(Indicator indicator) => All.Single(d => d.Indicator == indicator);

    /// <summary>Whether <paramref name="actual"/> meets <paramref name="target"/>.</summary>
    public bool IsAchieved(decimal actual, decimal target) => Direction == TargetDirection.AtLeast ? actual >= target : actual <= target;

    /// <summary>達成率 in percent for a ≥ target (actual ÷ target); none for a ≤ target or a zero target.</summary>
    public decimal? AchievementRate(decimal actual, decimal target) =>
        Direction == TargetDirection.AtLeast && target > 0 ? Math.Round(actual * 100m / target, 1) : null;
}
