using Juso.Domain.Meetings;
using Juso.Domain.Plans;

namespace Juso.Portal.Features.Meetings;

/// <summary>What a user may see of one meeting: everything, nothing until they pledge, or nothing at all.</summary>
public enum MeetingAccess
{
    Denied,
    NeedsPledge,
    Allowed,
}

/// <param name="Reference">令和8年度第3回重層的支援会議 (<see cref="Meeting.Reference"/>).</param>
public sealed record MeetingSummary(int Id, MeetingKind Kind, MeetingCadence Cadence, DateTime ScheduledAt, string Reference, string? Place, string ChairName,
    int MemberCount, int ItemCount, bool IsMinutesApproved, bool IsMember);

public sealed record MemberView(string UserId, string Name, string? AgencyName, bool IsChair, DateTime? PledgedAt, bool Attended);

/// <summary>A case whose monitoring falls due before (or soon after) the meeting, offered for the agenda.</summary>
public sealed record AgendaSuggestion(int CaseId, string CaseNumber, string HouseholdLabel, DateOnly Due, bool HasConsent);

public sealed record CaseOption(int CaseId, string CaseNumber, string HouseholdLabel, bool HasConsent);

public sealed record MemberOption(string UserId, string Name, int? AgencyId, string? AgencyName);

public sealed class MeetingForm
{
    public MeetingKind Kind { get; set; } = MeetingKind.MultiLayered;

    public MeetingCadence Cadence { get; set; } = MeetingCadence.Regular;

    public DateTime? Date { get; set; }

    public TimeSpan? Time { get; set; } = new(14, 0, 0);

    public string? Place { get; set; }

    public MemberOption? Chair { get; set; }
}

public sealed class RescheduleForm
{
    public DateTime? Date { get; set; }

    public TimeSpan? Time { get; set; }

    public string? Place { get; set; }
}

/// <summary>Another meeting at an overlapping time that books <paramref name="People"/> of this one too, or the same room (<paramref name="Place"/>).</summary>
public sealed record BookingClash(string Reference, DateTime ScheduledAt, IReadOnlyList<string> People, string? Place = null);

public sealed class AgendaItemForm
{
    public CaseOption? Case { get; set; }

    public AgendaPurpose Purpose { get; set; } = AgendaPurpose.Monitoring;

    public int Minutes { get; set; } = 10;
}

/// <summary>検討テーマ: an agenda item without a case.</summary>
/// <remarks>Named as the domain names its errors (AgendaItem.TopicTitle), so that each message lands on its field.</remarks>
public sealed class AgendaTopicForm
{
    public string? TopicTitle { get; set; }

    public string? TopicDescription { get; set; }

    public AgendaPurpose Purpose { get; set; } = AgendaPurpose.ResourceGaps;

    public int Minutes { get; set; } = 15;
}

/// <summary>An アウトリーチ対象者 the agenda builder offers; the user may see it, so the picker names it as its page does.</summary>
public sealed record LeadOption(int LeadId, string Description, Domain.Outreach.LeadStage Stage)
{
    public string Title => AgendaItem.LeadTitle(LeadId);
}

public sealed class AgendaLeadForm
{
    public LeadOption? Lead { get; set; }

    public AgendaPurpose Purpose { get; set; } = AgendaPurpose.InformationSharing;

    public int Minutes { get; set; } = 15;
}

public sealed class ActionItemForm
{
    public string? Text { get; set; }

    public int? OwnerAgencyId { get; set; }

    public string? OwnerPerson { get; set; }

    public DateTime? DueOn { get; set; }

    public ActionItemDetails ToDetails() => new(Text, OwnerAgencyId, OwnerPerson, DueOn is { } due ? DateOnly.FromDateTime(due) : null);

    public static ActionItemForm From(BoardActionItem action) =>
        new() { Text = action.Text, OwnerAgencyId = action.OwnerAgencyId, OwnerPerson = action.OwnerPerson, DueOn = action.DueOn.ToDateTime(TimeOnly.MinValue) };
}

// The board: one committed state of a meeting, shared by every viewer of it on this instance.

public sealed record BoardSnapshot(
    int MeetingId,
    int Version,
    MeetingKind Kind,
    MeetingCadence Cadence,
    DateTime ScheduledAt,
    string Reference,
    string? Place,
    string ChairUserId,
    bool MasksNames,
    DateTime? MinutesApprovedAt,
    int? CurrentItemId,
    DateTime? CurrentItemStartedAt,
    IReadOnlyList<MemberView> Members,
    IReadOnlyList<BoardItem> Items,
    DateTime? EndedAt = null,
    DateTime? CancelledAt = null)
{
    public bool IsEnded => EndedAt is not null;

    public bool IsCancelled => CancelledAt is not null;

    /// <summary>Live work on the board (following items, the timer) stops when the meeting ends, is cancelled or its minutes are approved.</summary>
    public bool IsLive => !IsEnded && !IsCancelled && !IsMinutesApproved;

    public BoardItem? Current => Items.FirstOrDefault(i => i.Id == CurrentItemId);

    public bool IsMinutesApproved => MinutesApprovedAt is not null;

    public string ChairName => Members.FirstOrDefault(m => m.IsChair)?.Name ?? string.Empty;

    public bool IsOverRecommendedSize => Meeting.IsOverRecommended(Cadence, Items.Count);

    public int TotalMinutes => Items.Sum(i => i.Minutes);

    /// <summary>The cases on the agenda (topic items have none), for access checks and the audit.</summary>
    public IReadOnlyList<int> CaseIds => Items.Where(i => i.CaseId is not null).Select(i => i.CaseId!.Value).ToList();
}

public sealed record BoardItem(
    int Id,
    int Version,
    int Order,
    int? CaseId,
    string CaseNumber,
    string HouseholdName,
    string HouseholdInitials,
    AgendaPurpose Purpose,
    int Minutes,
    AgendaOutcome Outcome,
    Plans.PlanView? Plan,
    IReadOnlyList<BoardDecision> Decisions,
    IReadOnlyList<BoardActionItem> ActionItems,
    IReadOnlyList<AgreedAssignmentView> AgreedAssignments,
    BoardCapture Captured,
    IReadOnlyList<PreviousActionItem> PreviousActionItems)
{
    /// <summary>The 検討テーマ of an item without a case; null for a case item.</summary>
    public BoardTopic? Topic { get; init; }

    /// <summary>The アウトリーチ対象者 of a lead item (whose <see cref="Topic"/> is its number only); null otherwise.</summary>
    public BoardLead? Lead { get; init; }

    public bool IsCase => CaseId is not null;

    public string Household(bool masked) => masked ? HouseholdInitials : HouseholdName;

    /// <summary>How the item is named in lists, headings and labels: its case number and household, or its topic.</summary>
    /// <summary>The item's short name in button labels and messages: its case number or its topic.</summary>
    public string Name => Topic?.Title ?? CaseNumber;

    public string Heading(bool masked) => Topic is { } topic ? $"検討テーマ：{topic.Title}" : $"{CaseNumber} {Household(masked)}";

    /// <summary>The role assignments for the minutes: as frozen at approval, or the plan's current ones before it.</summary>
    public IReadOnlyList<AgreedAssignmentView> MinutesAssignments(bool approved) => approved
        ? AgreedAssignments
        : Plan?.Assignments.Select(a => new AgreedAssignmentView(a.AgencyName, a.PersonInCharge, a.Task, a.Frequency, a.Status.Label())).ToList() ?? [];
}

/// <summary>検討テーマ: the subject of an item without a case.</summary>
public sealed record BoardTopic(string Title, string? Description);

/// <summary>What the board captured for the item's outcome, which the minutes carry back to the case.</summary>
public sealed record BoardCapture(
    string? Findings,
    DateOnly? NextMonitoringDue,
    IReadOnlyList<CapturedGoalView> Goals,
    IReadOnlyList<CapturedAssignmentView> Assignments,
    string? ClosureEvaluation,
    string? ClosureReason,
    int? CarryingOnAgencyId,
    string? CarryingOnAgencyName,
    string? HandBackReason)
{
    public static readonly BoardCapture None = new(null, null, [], [], null, null, null, null, null);
}

public sealed record CapturedGoalView(int GoalId, string GoalText, Domain.Monitoring.GoalProgress Progress, string? Note);

public sealed record CapturedAssignmentView(int AssignmentId, string AgencyName, string Task, string? Note);

public sealed record BoardDecision(int Id, int Version, string Text);

public sealed record BoardActionItem(int Id, int Version, string Text, int OwnerAgencyId, string OwnerAgencyName, string? OwnerPerson, DateOnly DueOn);

/// <summary>前回の対応事項: one agreed for this case at an earlier meeting, still open or done since the case's previous meeting.</summary>
public sealed record PreviousActionItem(int Id, string MeetingReference, string Text, string OwnerAgencyName, string? OwnerPerson, DateOnly DueOn,
    DateTime? CompletedAt, string? CompletedBy);

public sealed record AgreedAssignmentView(string AgencyName, string? PersonInCharge, string Task, string? Frequency, string Status);

/// <summary>
/// "Meeting N changed, by <paramref name="Label"/>": what travels to this instance's boards and, over the relay, to the
/// other instances; hub clients get it as <see cref="Contract.BoardChanged"/>. The database holds the rest.
/// </summary>
public sealed record BoardChange(int MeetingId, int Version, string Label, long CommittedAtUnixMs)
{
    /// <summary>The board's status line ("14:05:09 更新: …"), formatted once per change, not once per viewer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string StatusLine { get; } = $"{Juso.Domain.Common.JapaneseFormat.Timestamp(DateTimeOffset.FromUnixTimeMilliseconds(CommittedAtUnixMs).UtcDateTime)[11..]} 更新: {Label}";
}
