using Juso.Domain.Agencies;
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

    /// <summary>Rewrites the draft's goals and settings in one step (all or nothing).</summary>
    public void ReviseDraft(IReadOnlyList<GoalDetails> goals, Agency? leadAgency, bool usesParticipationSupport, bool usesOutreach, int monitoringIntervalDays, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Draft, "目標や主担当機関は案のうちに変更できます。");
        var check = new RuleCheck()
            .Require(goals.Count <= MaxGoals, nameof(Goals), $"目標は{MaxGoals}件までです。")
            .Require(leadAgency is null || leadAgency.IsActive || leadAgency.Id == LeadAgencyId, nameof(LeadAgencyId), "休止中の機関は主担当にできません。")
            .Require(monitoringIntervalDays is >= MinMonitoringIntervalDays and <= MaxMonitoringIntervalDays, nameof(MonitoringIntervalDays),
                $"モニタリングの間隔は{MinMonitoringIntervalDays}日から{MaxMonitoringIntervalDays}日の間で入力してください。");
        for (var i = 0; i < goals.Count; i++)
        {
            check.RequireText(goals[i].Text, $"{nameof(Goals)}[{i}].Text", $"{goals[i].Term.Label()}", Goal.TextMaxLength)
                .Require(Enum.IsDefined(goals[i].Term), $"{nameof(Goals)}[{i}].Term", "目標の種類（長期・短期）を選択してください。");
        }
        check.ThrowIfAny();

        _goals.Clear();
        _goals.AddRange(goals.Select((g, i) => new Goal(g.Term, g.Text!.Trim(), i + 1)));
        LeadAgencyId = leadAgency?.Id;
        UsesParticipationSupport = usesParticipationSupport;
        UsesOutreach = usesOutreach;
        MonitoringIntervalDays = monitoringIntervalDays;
        Touch(now);
    }

    public RoleAssignment AddAssignment(AssignmentDetails details, Agency? agency, DateTimeOffset now)
    {
        EnsureAssignmentsEditable();
        if (_assignments.Count >= MaxAssignments)
        {
            throw new DomainException($"役割分担は{MaxAssignments}件までです。", nameof(Assignments));
        }
        var assignment = RoleAssignment.From(details, agency, string.Empty);
        _assignments.Add(assignment);
        Touch(now);
        return assignment;
    }

    /// <summary>Changes one assignment. The plan itself is not touched: the assignment's own version guards it.</summary>
    public void UpdateAssignment(int assignmentId, AssignmentDetails details, Agency? agency)
    {
        EnsureAssignmentsEditable();
        FindAssignment(assignmentId).Apply(details, agency, string.Empty);
    }

    public void RemoveAssignment(int assignmentId, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Draft, "承認後の役割分担は削除せず、状況を「中止」にしてください。");
        _assignments.Remove(FindAssignment(assignmentId));
        Touch(now);
    }

    /// <summary>会議で承認: needs goals, a lead agency and at least one role assignment.</summary>
    public void Approve(DateOnly approvedOn, string? note, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Draft, "承認できるのは案のプランだけです。");
        new RuleCheck()
            .Require(_goals.Count > 0, nameof(Goals), "目標を1つ以上設定してから承認してください。")
            .Require(LeadAgencyId is not null, nameof(LeadAgencyId), "主担当機関を決めてから承認してください。")
            .Require(_assignments.Count > 0, nameof(Assignments), "役割分担を1件以上設定してから承認してください。")
            .Require(approvedOn <= JapanDate.Today(now), nameof(ApprovedOn), "承認日に未来の日付は入力できません。")
            .OptionalText(note, nameof(ApprovalNote), "承認の記録", NoteMaxLength)
            .ThrowIfAny();
        Status = PlanStatus.Approved;
        ApprovedOn = approvedOn;
        ApprovalNote = RuleCheck.Clean(note);
        Touch(now);
    }

    /// <summary>実施中 from <paramref name="startOn"/>; the first monitoring is due on or after the start.</summary>
    public void Start(DateOnly startOn, DateOnly? firstMonitoringDue, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Approved, "実施を始められるのは承認済みのプランだけです。");
        var due = firstMonitoringDue ?? JapanDate.AddDaysWithinCalendar(startOn, MonitoringIntervalDays);
        new RuleCheck()
            .Require(ApprovedOn is null || startOn >= ApprovedOn, nameof(StartOn), "開始日は承認日以降の日付を入力してください。")
            .Require(due >= startOn, nameof(NextMonitoringDue), "モニタリング予定日は計画の開始日以降の日付を入力してください。")
            .ThrowIfAny();
        Status = PlanStatus.Active;
        StartOn = startOn;
        NextMonitoringDue = due;
        Touch(now);
    }

    /// <summary>Set by a monitoring review: when the next review is due.</summary>
    public void ScheduleNextMonitoring(DateOnly due, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Active, "モニタリングは実施中のプランに対して行います。");
        if (StartOn is { } start && due < start)
        {
            throw new DomainException("モニタリング予定日は計画の開始日以降の日付を入力してください。", nameof(NextMonitoringDue));
        }
        NextMonitoringDue = due;
        Touch(now);
    }

    public void Evaluate(string? evaluation, DateTimeOffset now)
    {
        if (Status is not (PlanStatus.Active or PlanStatus.Approved))
        {
            throw new DomainException($"「{Status.Label()}」のプランは評価できません。");
        }
        new RuleCheck().RequireText(evaluation, nameof(EndNote), "評価", NoteMaxLength).ThrowIfAny();
        Status = PlanStatus.Evaluated;
        EndedOn = JapanDate.Today(now);
        EndNote = evaluation!.Trim();
        NextMonitoringDue = null;
        Touch(now);
    }

    /// <summary>
    /// Consent withdrawn: a 支援プラン that is not yet finished stops (its signed versions stay as records);
    /// the next version will be a 世帯丸ごと支援プラン. A 世帯丸ごと支援プラン carries on.
    /// </summary>
    public bool StopForWithdrawnConsent(DateTimeOffset now)
    {
        if (Kind != PlanKind.WithConsent || Status is PlanStatus.Evaluated or PlanStatus.Stopped)
        {
            return false;
        }
        Status = PlanStatus.Stopped;
        EndedOn = JapanDate.Today(now);
        EndNote = "本人同意の撤回により停止";
        NextMonitoringDue = null;
        Touch(now);
        return true;
    }

    /// <summary>
    /// A 世帯丸ごと支援プラン draft whose person has since consented becomes a 支援プラン draft: it now goes to a
    /// 重層的支援会議 and will be printed for signature, so it is not approved on the way.
    /// </summary>
    public void ConvertToWithConsent(SupportCase supportCase, DateTimeOffset now)
    {
        EnsureStatus(PlanStatus.Draft, "支援プランに切り替えられるのは案のプランだけです。");
        if (Kind != PlanKind.WholeHousehold || supportCase.Id != SupportCaseId || supportCase.CurrentConsent != ConsentStatus.Obtained)
        {
            throw new DomainException("本人同意を得ている世帯丸ごと支援プランの案だけを支援プランに切り替えられます。");
        }
        Kind = PlanKind.WithConsent;
        Touch(now);
    }

    /// <summary>
    /// The case leaves multi-agency coordination (包括的相談支援へ戻す): a plan not yet finished ends, and with it
    /// its monitoring schedule.
    /// </summary>
    public void EndForHandBack(DateTimeOffset now)
    {
        if (Status is PlanStatus.Evaluated or PlanStatus.Stopped)
        {
            return;
        }
        Status = PlanStatus.Stopped;
        EndedOn = JapanDate.Today(now);
        EndNote = "包括的相談支援へ戻したため終了";
        NextMonitoringDue = null;
        Touch(now);
    }

    private static PlanKind KindFor(SupportCase supportCase) =>
        supportCase.CurrentConsent == ConsentStatus.Obtained ? PlanKind.WithConsent : PlanKind.WholeHousehold;

    private RoleAssignment FindAssignment(int assignmentId) =>
        _assignments.FirstOrDefault(a => a.Id == assignmentId)
        ?? throw new DomainException("この役割分担は見つかりません。画面を再読み込みしてください。", nameof(Assignments));

    private void EnsureAssignmentsEditable()
    {
        if (Status is PlanStatus.Evaluated or PlanStatus.Stopped)
        {
            throw new DomainException($"「{Status.Label()}」のプランの役割分担は変更できません。", nameof(Assignments));
        }
    }

    private void EnsureStatus(PlanStatus expected, string message)
    {
        if (Status != expected)
        {
            throw new DomainException($"{message}（このプランは「{Status.Label()}」です）");
        }
    }
}
