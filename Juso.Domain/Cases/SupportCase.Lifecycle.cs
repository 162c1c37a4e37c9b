using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Domain.Common;
using Juso.Domain.Plans;

namespace Juso.Domain.Cases;

/// <summary>The stages of 多機関協働: 受付 → アセスメント → プラン作成 → 支援中 → 終結 (or handed back).</summary>
public partial class SupportCase
{
    /// <summary>受付 → アセスメント: coordination starts.</summary>
    public void StartAssessment(Actor actor, DateTimeOffset now) =>
        ChangeStage(CaseStage.Intake, CaseStage.Assessment, null, actor, now);

    /// <summary>アセスメント → プラン作成: only once the household has been assessed.</summary>
    public void StartPlanning(Assessment? latestAssessment, Actor actor, DateTimeOffset now)
    {
        EnsureStage(CaseStage.Assessment, CaseStage.Planning);
        if (latestAssessment is null || latestAssessment.SupportCaseId != Id)
        {
            throw new DomainException("アセスメントを記録してからプラン作成に進んでください。", nameof(Stage));
        }
        ChangeStage(CaseStage.Assessment, CaseStage.Planning, $"アセスメント第{latestAssessment.AssessmentVersion}版にもとづいて", actor, now);
    }

    /// <summary>プラン作成 → 支援中: the plan agreed at the meeting starts on <paramref name="startOn"/>.</summary>
    public void StartSupport(SupportPlan plan, DateOnly startOn, DateOnly? firstMonitoringDue, Actor actor, DateTimeOffset now)
    {
        EnsureStage(CaseStage.Planning, CaseStage.Support);
        if (plan.SupportCaseId != Id || plan.Status != PlanStatus.Approved)
        {
            throw new DomainException("会議で承認されたプランがないため、支援を開始できません。", nameof(Stage));
        }
        plan.Start(startOn, firstMonitoringDue, now);
        ChangeStage(CaseStage.Planning, CaseStage.Support, $"{plan.Kind.Label()}第{plan.PlanVersion}版で", actor, now);
    }

    /// <summary>支援中 → プラン作成 (再プラン): a new plan version is drafted; the current one is kept, evaluated.</summary>
    public SupportPlan Replan(SupportPlan current, string? evaluation, Actor actor, DateTimeOffset now)
    {
        EnsureStage(CaseStage.Support, CaseStage.Planning);
        var next = current.Replan(this, evaluation, now);
        ChangeStage(CaseStage.Support, CaseStage.Planning, $"再プラン（第{next.PlanVersion}版を作成）のため", actor, now);
        return next;
    }

    /// <summary>
    /// 終結: the issues are sorted and the roles agreed. Needs the reason, the evaluation (by a 重層的支援会議 for a
    /// case with consent) and the lead agency that carries on accompanying the household. A plan approved at a meeting
    /// needs <paramref name="evaluatedAt"/>, the meeting that evaluated the closure (R5). The current plan
    /// (<paramref name="currentPlan"/>, if any) is closed as 評価済 with the same evaluation.
    /// </summary>
    public void Close(string? reason, string? evaluation, string? evaluatedAt, Agency? carryingOn, SupportPlan? currentPlan, Actor actor, DateTimeOffset now)
    {
        EnsureStage(CaseStage.Support, CaseStage.Closed);
        if (currentPlan is not null && currentPlan.SupportCaseId != Id)
        {
            throw new DomainException("別のケースのプランです。");
        }
        new RuleCheck()
            .RequireText(reason, nameof(ClosureReason), "終結の理由", ReasonMaxLength)
            .RequireText(evaluation, nameof(ClosureEvaluation), "支援の経過と成果の評価", EvaluationMaxLength)
            .OptionalText(evaluatedAt, nameof(EvaluatedAt), "評価した会議", ReasonMaxLength)
            // R5: the meeting that agreed the plan decides the closure too.
            .Require(currentPlan?.ApprovedOn is null || RuleCheck.Clean(evaluatedAt) is not null, nameof(EvaluatedAt), ClosureNeedsMeetingMessage)
            .Require(carryingOn is not null, nameof(LeadAgencyId), "終結後も伴走する主担当機関を選択してください。")
            .Require(carryingOn is null || carryingOn.IsActive, nameof(LeadAgencyId), "休止中の機関は主担当にできません。")
            .ThrowIfAny();
        if (currentPlan is { Status: PlanStatus.Active or PlanStatus.Approved })
        {
            currentPlan.Evaluate(Truncate(evaluation!.Trim(), SupportPlan.NoteMaxLength), now);
        }
        SetLeadAgency(carryingOn!, actor, now);
        ClosureEvaluation = evaluation!.Trim();
        EvaluatedAt = RuleCheck.Clean(evaluatedAt);
        EndCoordination(reason!.Trim(), actor, now);
    }

    /// <summary>
    /// 包括的相談支援へ戻す: coordination ends and the agency that took the consultation leads again; the case's
    /// current plan (<paramref name="currentPlan"/>, if any) ends with it, so nothing is due for it any more.
    /// </summary>
    public void HandBack(string? reason, Agency intakeAgency, SupportPlan? currentPlan, Actor actor, DateTimeOffset now)
    {
        EnsureOpen();
        new RuleCheck()
            .RequireText(reason, nameof(ClosureReason), "戻す理由", ReasonMaxLength)
            .Require(_agencies.Any(a => a.AgencyId == intakeAgency.Id && a.Role == CaseAgencyRole.Intake), nameof(LeadAgencyId),
                "相談を受け付けた（つないだ）機関にだけ戻せます。")
            .Require(intakeAgency.IsActive, nameof(LeadAgencyId), "休止中の機関には戻せません。")
            .ThrowIfAny();
        if (currentPlan is not null && currentPlan.SupportCaseId != Id)
        {
            throw new DomainException("別のケースのプランです。");
        }
        SetLeadAgency(intakeAgency, actor, now);
        currentPlan?.EndForHandBack(now);
        IsHandedBack = true;
        EndCoordination($"包括的相談支援へ戻す: {reason!.Trim()}", actor, now);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private void EndCoordination(string reason, Actor actor, DateTimeOffset now)
    {
        var from = Stage;
        Stage = CaseStage.Closed;
        ClosedOn = JapanDate.Today(now);
        ClosureReason = reason;
        _events.Add(new CaseEvent(CaseEventKind.StageChanged, $"段階を「{from.Label()}」から「{CaseStage.Closed.Label()}」に変更しました。理由: {reason}", actor, now));
        Touch(now);
    }

    private void EnsureStage(CaseStage from, CaseStage to)
    {
        EnsureOpen();
        if (Stage != from)
        {
            throw new DomainException($"「{Stage.Label()}」から「{to.Label()}」へは進められません（「{from.Label()}」の段階からのみ進めます）。", nameof(Stage));
        }
    }

    private void ChangeStage(CaseStage from, CaseStage to, string? why, Actor actor, DateTimeOffset now)
    {
        EnsureStage(from, to);
        Stage = to;
        _events.Add(new CaseEvent(CaseEventKind.StageChanged,
            $"{(why is null ? string.Empty : why + "、")}段階を「{from.Label()}」から「{to.Label()}」に変更しました。", actor, now));
        Touch(now);
    }
}
