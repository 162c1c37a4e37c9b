namespace Juso.Domain.Meetings;

/// <summary>重層的支援会議 (cases with consent) or 支援会議 (art. 106-6, members sworn to confidentiality).</summary>
public enum MeetingKind
{
    MultiLayered,
    Support,

    /// <summary>検討会議: the outreach review meeting, whose agenda takes アウトリーチ対象者 (and topics), never a case.</summary>
    OutreachReview,
}

/// <summary>定例 (regular, e.g. every two months) or 随時 (ad hoc, for a new or urgent case).</summary>
public enum MeetingCadence
{
    Regular,
    AdHoc,
}

/// <summary>
/// What an agenda item is about. Each kind has its own reference on the item (a case: its id; a topic: its title and
/// description), and the rules that need a case (consent, pledges, outcomes, role assignments) apply to case items only.
/// </summary>
public enum AgendaSubject
{
    Case,
    Topic,
    Lead,
}

/// <summary>Why an item is on this session's agenda.</summary>
public enum AgendaPurpose
{
    PlanProposal,
    Monitoring,
    ClosureEvaluation,
    InformationSharing,
    ResourceGaps,
}

/// <summary>
/// What the meeting concluded for an agenda item; approving the minutes carries it back to the case
/// (<see cref="MinutesCarryBack"/>). Continued and ReplanRequested are the two results of a monitoring (継続 / 見直し).
/// </summary>
public enum AgendaOutcome
{
    None,
    PlanApproved,
    ReplanRequested,
    ClosureEvaluated,
    Continued,
    HandedBack,
}

public static class MeetingLabels
{
    /// <summary>The purposes that concern one case's plan, which a topic item cannot have.</summary>
    public static bool NeedsCase(this AgendaPurpose purpose) =>
        purpose is AgendaPurpose.PlanProposal or AgendaPurpose.Monitoring or AgendaPurpose.ClosureEvaluation;

    public static string Label(this AgendaSubject subject) => subject switch
    {
        AgendaSubject.Case => "ケース",
        AgendaSubject.Topic => "検討テーマ",
        AgendaSubject.Lead => "アウトリーチ対象者",
        _ => subject.ToString(),
    };

    public static string Label(this MeetingKind kind) => kind switch
    {
        MeetingKind.MultiLayered => "重層的支援会議",
        MeetingKind.Support => "支援会議",
        MeetingKind.OutreachReview => "検討会議",
        _ => kind.ToString(),
    };

    public static string Label(this MeetingCadence cadence) => cadence switch
    {
        MeetingCadence.Regular => "定例",
        MeetingCadence.AdHoc => "随時",
        _ => cadence.ToString(),
    };

    public static string Label(this AgendaPurpose purpose) => purpose switch
    {
        AgendaPurpose.PlanProposal => "プラン案の協議",
        AgendaPurpose.Monitoring => "モニタリング",
        AgendaPurpose.ClosureEvaluation => "終結の評価",
        AgendaPurpose.InformationSharing => "情報共有",
        AgendaPurpose.ResourceGaps => "不足する資源の検討",
        _ => purpose.ToString(),
    };

    public static string Label(this AgendaOutcome outcome) => outcome switch
    {
        AgendaOutcome.None => "未定",
        AgendaOutcome.PlanApproved => "プランを承認",
        AgendaOutcome.ReplanRequested => "再プランを求める",
        AgendaOutcome.ClosureEvaluated => "終結を評価",
        AgendaOutcome.Continued => "現在の支援を継続",
        AgendaOutcome.HandedBack => "包括的相談支援へ戻す",
        _ => outcome.ToString(),
    };
}
