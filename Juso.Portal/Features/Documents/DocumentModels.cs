using Juso.Domain.Meetings;
using Juso.Domain.Plans;

namespace Juso.Portal.Features.Documents;

public sealed record PlanMemberLine(string Name, string Kana, string Relationship);

public sealed record PlanGoalLine(string Term, string Text);

public sealed record PlanAssignmentLine(string Agency, string? PersonInCharge, string Task, string? Frequency, string Period, string Status);

/// <summary>支援プラン or 世帯丸ごと支援プラン as printed (PlanDocument.razor).</summary>
public sealed record PlanDocumentModel : PrintDocument
{
    public required string CaseNumber { get; init; }

    public required int PlanVersion { get; init; }

    public required PlanKind Kind { get; init; }

    public required PlanStatus Status { get; init; }

    public DateOnly? ApprovedOn { get; init; }

    public string? ApprovalNote { get; init; }

    public DateOnly? StartOn { get; init; }

    public string? HouseholdAddress { get; init; }

    public required string PersonName { get; init; }

    public string? PersonKana { get; init; }

    public IReadOnlyList<PlanMemberLine> Members { get; init; } = [];

    public IReadOnlyList<PlanGoalLine> Goals { get; init; } = [];

    public IReadOnlyList<PlanAssignmentLine> Assignments { get; init; } = [];

    public string? LeadAgency { get; init; }

    public int MonitoringIntervalDays { get; init; }

    public DateOnly? NextMonitoringDue { get; init; }

    public bool UsesParticipationSupport { get; init; }

    public bool UsesOutreach { get; init; }

    public string? CoordinatorName { get; init; }

    /// <summary>プラン番号: case number and version, e.g. 2026-0012-02.</summary>
    public string PlanNumber => $"{CaseNumber}-{PlanVersion:D2}";

    public override string Title => Status == PlanStatus.Draft ? $"{Kind.Label()}（案）" : Kind.Label();

    public override string FileName => $"{(Kind == PlanKind.WholeHousehold ? "household-plan" : "plan")}-{PlanNumber}.pdf";

    public override string? HandlingMark => Kind == PlanKind.WholeHousehold ? "取扱注意・本人交付不可" : null;

    public override Type Component => typeof(PlanDocument);
}

public sealed record AgendaMemberLine(string Name, string? Agency);

/// <param name="PreviousActionItems">前回の対応事項 of the case: still open, or done since its previous meeting.</param>
public sealed record AgendaItemLine(int Order, DateTimeOffset StartsAt, int Minutes, string CaseNumber, string Household, string Purpose, string? LeadAgency,
    IReadOnlyList<Meetings.PreviousActionItem> PreviousActionItems)
{
    /// <summary>An item without a case: printed with its 検討テーマ instead of a case number and household.</summary>
    public static AgendaItemLine ForTopic(int order, DateTimeOffset startsAt, int minutes, Meetings.BoardTopic topic, string purpose) =>
        new(order, startsAt, minutes, "―", $"検討テーマ：{topic.Title}", purpose, null, []) { Topic = topic };

    public Meetings.BoardTopic? Topic { get; init; }
}

/// <summary>会議次第: a meeting's agenda as printed (AgendaDocument.razor); names masked for a 支援会議 when the chair chooses.</summary>
public sealed record AgendaDocumentModel : PrintDocument
{
    public required MeetingKind Kind { get; init; }

    public required MeetingCadence Cadence { get; init; }

    /// <summary>Japan time.</summary>
    public required DateTimeOffset ScheduledAt { get; init; }

    /// <summary>令和8年度第3回重層的支援会議.</summary>
    public required string Reference { get; init; }

    public string? Place { get; init; }

    public required string ChairName { get; init; }

    public IReadOnlyList<AgendaMemberLine> Members { get; init; } = [];

    public IReadOnlyList<AgendaItemLine> Items { get; init; } = [];

    public bool NamesMasked { get; init; }

    public int TotalMinutes => Items.Sum(i => i.Minutes);

    public override string Title => $"{Reference} 次第";

    public override string FileName => $"agenda-{ScheduledAt:yyyyMMdd-HHmm}.pdf";

    public override string? HandlingMark => Kind == MeetingKind.Support ? "取扱注意・守秘義務（会議終了後回収）" : "取扱注意";

    public override Type Component => typeof(AgendaDocument);
}

public sealed record MinutesAttendanceLine(string Name, string? Agency, bool IsChair, bool Attended);

public sealed record MinutesActionLine(string Text, string Owner, DateOnly DueOn);

/// <param name="Captured">What the board captured for the outcome (所見, goals, evaluation, reason), one line each.</param>
public sealed record MinutesItemLine(int Order, string CaseNumber, string Household, string Purpose, string Outcome, IReadOnlyList<string> Captured,
    IReadOnlyList<string> Decisions, IReadOnlyList<Meetings.AgreedAssignmentView> Assignments, IReadOnlyList<MinutesActionLine> ActionItems)
{
    /// <summary>The 検討テーマ of an item without a case (no outcome, no role assignments: its decisions are the record).</summary>
    public Meetings.BoardTopic? Topic { get; init; }
}

/// <summary>議事録 as printed (MinutesDocument.razor): the board's record, final once the chair approved it.</summary>
public sealed record MinutesDocumentModel : PrintDocument
{
    public required MeetingKind Kind { get; init; }

    public required MeetingCadence Cadence { get; init; }

    /// <summary>Japan time.</summary>
    public required DateTimeOffset ScheduledAt { get; init; }

    /// <summary>令和8年度第3回重層的支援会議.</summary>
    public required string Reference { get; init; }

    public string? Place { get; init; }

    public required string ChairName { get; init; }

    /// <summary>Japan time of the chair's approval, or null for a draft.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }

    public IReadOnlyList<MinutesAttendanceLine> Attendance { get; init; } = [];

    public IReadOnlyList<MinutesItemLine> Items { get; init; } = [];

    public bool NamesMasked { get; init; }

    public override string Title => ApprovedAt is null ? $"{Reference} 議事録（案）" : $"{Reference} 議事録";

    public override string FileName => $"minutes-{ScheduledAt:yyyyMMdd-HHmm}.pdf";

    public override string? HandlingMark => Kind == MeetingKind.Support ? "取扱注意・守秘義務" : "取扱注意";

    public override Type Component => typeof(MinutesDocument);
}
