using Juso.Domain.Participation;

namespace Juso.Portal.Features.Participation;

/// <summary>A row of the plan list and of the case's 参加支援 tab.</summary>
public sealed record ParticipationSummary(int Id, int CaseId, string CaseNumber, string PersonName, string Goal, ParticipationStatus Status, string? ResourceName,
    string WorkerName, DateOnly CreatedOn, DateOnly? NextFollowUpDue);

public sealed record FollowUpView(int Id, DateOnly VisitedOn, FollowUpTarget Target, string Note, string RecordedBy, DateOnly? DueOn);

/// <summary>The participation plan page.</summary>
public sealed record ParticipationPlanView(int Id, int Version, int CaseId, string CaseNumber, string PersonName, int SupportPlanVersion, string SupportPlanReference,
    string Goal, ParticipationStatus Status, string WorkerName, DateOnly CreatedOn, int FollowUpIntervalDays, IReadOnlyList<ResourceView> Candidates,
    ResourceView? Matched, string? PersonWishes, string? HostBriefing, string? HostAgreement, DateOnly? ConsentOn, DateOnly? MatchedOn, DateOnly? TrialFrom,
    DateOnly? TrialUntil, DateOnly? NextFollowUpDue, IReadOnlyList<FollowUpView> FollowUps, DateOnly? EndedOn, ParticipationOutcome? Outcome, string? OutcomeNote,
    bool CanEdit);

/// <summary>A member of the case's household the plan can be for.</summary>
public sealed record PersonOption(int MemberId, string Name);

/// <summary>The case's 参加支援 tab: its plans, and whether a new one is allowed (R4) and for whom.</summary>
public sealed record CaseParticipation(IReadOnlyList<ParticipationSummary> Plans, string? WhyNotAllowed, IReadOnlyList<PersonOption> People, bool CanEdit);

/// <summary>A follow-up due or overdue, for the worker's home page.</summary>
public sealed record DueFollowUp(int PlanId, int CaseId, string CaseNumber, string PersonName, string? ResourceName, DateOnly DueOn, int DaysOverdue);

/// <summary>The plan list's filters.</summary>
public sealed record ParticipationFilter(ParticipationStatus? Status = null, bool MineOnly = false, bool DueOnly = false, int? ResourceId = null);

public sealed class NewParticipationForm
{
    public int? MemberId { get; set; }

    public string? Goal { get; set; }

    public int FollowUpIntervalDays { get; set; } = 14;
}

public sealed class MatchingForm
{
    public int? ResourceId { get; set; }

    public string? PersonWishes { get; set; }

    public string? HostBriefing { get; set; }

    public string? HostAgreement { get; set; }

    public DateTime? ConsentOn { get; set; }

    public DateTime? MatchedOn { get; set; }

    public DateTime? TrialFrom { get; set; }

    public DateTime? TrialUntil { get; set; }

    public MatchingDetails Details => new(ResourceId, PersonWishes, HostBriefing, HostAgreement, Day(ConsentOn), Day(MatchedOn), Day(TrialFrom), Day(TrialUntil));

    internal static DateOnly? Day(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;
}

public sealed class FollowUpForm
{
    public DateTime? VisitedOn { get; set; }

    public FollowUpTarget Target { get; set; } = FollowUpTarget.Both;

    public string? Note { get; set; }

    public DateTime? NextDueOn { get; set; }

    public FollowUpDetails Details => new(MatchingForm.Day(VisitedOn), Target, Note, MatchingForm.Day(NextDueOn));
}

public sealed class EndParticipationForm
{
    public ParticipationOutcome Outcome { get; set; } = ParticipationOutcome.Settled;

    public string? Note { get; set; }

    public DateTime? EndedOn { get; set; }
}
