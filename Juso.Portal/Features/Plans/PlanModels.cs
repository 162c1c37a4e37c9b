using Juso.Domain.Plans;

namespace Juso.Portal.Features.Plans;

public sealed record GoalView(int Id, GoalTerm Term, string Text);

public sealed record AssignmentView(int Id, int Version, int AgencyId, string AgencyName, string? PersonInCharge, string Task, string? Frequency,
    AssignmentStatus Status, DateOnly? StartOn, DateOnly? EndOn);

public sealed record PlanView(
    int Id,
    int Version,
    int PlanVersion,
    PlanKind Kind,
    PlanStatus Status,
    int? LeadAgencyId,
    string? LeadAgencyName,
    bool UsesParticipationSupport,
    bool UsesOutreach,
    int MonitoringIntervalDays,
    DateOnly? StartOn,
    DateOnly? NextMonitoringDue,
    DateOnly? ApprovedOn,
    string? ApprovalNote,
    DateOnly? EndedOn,
    string? EndNote,
    IReadOnlyList<GoalView> Goals,
    IReadOnlyList<AssignmentView> Assignments);

/// <summary>After a lost race: the plan and the case version as saved now, and who saved them.</summary>
public sealed record SavedPlan(PlanView? Plan, int CaseVersion, Juso.Portal.Common.SavedBy? By);

/// <summary>The draft's goals and settings as the plan editor edits them.</summary>
public sealed class PlanDraftForm
{
    public List<GoalForm> Goals { get; set; } = [];

    public int? LeadAgencyId { get; set; }

    public bool UsesParticipationSupport { get; set; }

    public bool UsesOutreach { get; set; }

    public int MonitoringIntervalDays { get; set; } = 90;
}

public sealed class GoalForm
{
    public GoalTerm Term { get; set; } = GoalTerm.LongTerm;

    public string? Text { get; set; }
}

public sealed class AssignmentForm
{
    public int? AgencyId { get; set; }

    public string? PersonInCharge { get; set; }

    public string? Task { get; set; }

    public string? Frequency { get; set; }

    public AssignmentStatus Status { get; set; } = AssignmentStatus.Planned;

    public DateTime? StartOn { get; set; }

    public DateTime? EndOn { get; set; }

    public static AssignmentForm From(AssignmentView assignment) => new()
    {
        AgencyId = assignment.AgencyId, PersonInCharge = assignment.PersonInCharge, Task = assignment.Task, Frequency = assignment.Frequency,
        Status = assignment.Status, StartOn = assignment.StartOn?.ToDateTime(TimeOnly.MinValue), EndOn = assignment.EndOn?.ToDateTime(TimeOnly.MinValue),
    };

    public AssignmentDetails ToDetails() => new(AgencyId, PersonInCharge, Task, Frequency, Status,
        StartOn is { } s ? DateOnly.FromDateTime(s) : null, EndOn is { } e ? DateOnly.FromDateTime(e) : null);
}
