using Juso.Domain.Cases;
using Juso.Domain.Common;

namespace Juso.Domain.Plans;

/// <summary>
/// One version of a case's plan. The kind follows consent: 支援プラン with it, 世帯丸ごと支援プラン without.
/// A re-plan (再プラン) is a new version; earlier versions are kept as they were.
/// </summary>
public partial class SupportPlan : AggregateRoot
{
    public const int NoteMaxLength = 1000;
    public const int MinMonitoringIntervalDays = 7;
    public const int MaxMonitoringIntervalDays = 365;
    public const int MaxGoals = 20;
    public const int MaxAssignments = 30;

    private readonly List<Goal> _goals = [];
    private readonly List<RoleAssignment> _assignments = [];

    protected SupportPlan()
    {
    }

    public int SupportCaseId { get; private set; }

    /// <summary>1 for the first plan of the case, 2 after the first 再プラン, and so on.</summary>
    public int PlanVersion { get; private set; }

    public PlanKind Kind { get; private set; }

    public PlanStatus Status { get; private set; }

    public int? LeadAgencyId { get; private set; }

    /// <summary>参加支援 is used (the sources require the plan to say so).</summary>
    public bool UsesParticipationSupport { get; private set; }

    /// <summary>アウトリーチ等を通じた継続的支援 is used.</summary>
    public bool UsesOutreach { get; private set; }

    public int MonitoringIntervalDays { get; private set; }

    public DateOnly? StartOn { get; private set; }

    public DateOnly? NextMonitoringDue { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    public string? ApprovalNote { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    /// <summary>Why the plan was evaluated or stopped.</summary>
    public string? EndNote { get; private set; }

    public IReadOnlyList<Goal> Goals => _goals;

    public IReadOnlyList<RoleAssignment> Assignments => _assignments;

    public bool IsInternalOnly => Kind == PlanKind.WholeHousehold;

    /// <summary>Only a 支援プラン in force is printed for the person to sign; a 世帯丸ごと支援プラン never is.</summary>
    public bool CanBePrintedForSignature => Kind == PlanKind.WithConsent && Status is PlanStatus.Approved or PlanStatus.Active;

    /// <summary>The first plan of a case, drafted while the case is at プラン作成.</summary>
    public static SupportPlan Draft(SupportCase supportCase, DateTimeOffset now)
    {
        if (supportCase.Stage != CaseStage.Planning)
        {
            throw new DomainException($"プランはケースが「{CaseStage.Planning.Label()}」の段階のときに作成できます（現在は「{supportCase.Stage.Label()}」）。");
        }
        var plan = new SupportPlan
        {
            SupportCaseId = supportCase.Id,
            PlanVersion = 1,
            Kind = KindFor(supportCase),
            Status = PlanStatus.Draft,
            LeadAgencyId = supportCase.LeadAgencyId,
            MonitoringIntervalDays = 90,
        };
        plan.MarkCreated(now);
        return plan;
    }

    /// <summary>
    /// 再プラン: a new draft version copied from this one. This version is closed as 評価済 with the
    /// evaluation that led to the re-plan; the kind of the new version follows today's consent.
    /// </summary>
    public SupportPlan Replan(SupportCase supportCase, string? evaluation, DateTimeOffset now)
    {
        if (supportCase.Id != SupportCaseId)
        {
            throw new DomainException("別のケースのプランです。");
        }
        if (Status is not (PlanStatus.Active or PlanStatus.Approved or PlanStatus.Stopped))
        {
            throw new DomainException($"「{Status.Label()}」のプランからは再プランできません。");
        }
        if (Status != PlanStatus.Stopped)
        {
            Evaluate(evaluation, now);
        }
        var next = new SupportPlan
        {
            SupportCaseId = SupportCaseId,
            PlanVersion = PlanVersion + 1,
            Kind = KindFor(supportCase),
            Status = PlanStatus.Draft,
            LeadAgencyId = LeadAgencyId,
            UsesParticipationSupport = UsesParticipationSupport,
            UsesOutreach = UsesOutreach,
            MonitoringIntervalDays = MonitoringIntervalDays,
        };
        next._goals.AddRange(_goals.Select(g => new Goal(g.Term, g.Text, g.Order)));
        next._assignments.AddRange(_assignments.Where(a => a.Status != AssignmentStatus.Stopped).Select(a => a.CopyForNextVersion()));
        next.MarkCreated(now);
        return next;
    }

    private static PlanKind KindFor(SupportCase supportCase) =>
        supportCase.CurrentConsent == ConsentStatus.Obtained ? PlanKind.WithConsent : PlanKind.WholeHousehold;

    private void EnsureStatus(PlanStatus expected, string message)
    {
        if (Status != expected)
        {
            throw new DomainException($"{message}（このプランは「{Status.Label()}」です）");
        }
    }
}
