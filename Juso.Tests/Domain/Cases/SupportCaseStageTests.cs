using Juso.Domain.Cases;
using Juso.Domain.Plans;
using Juso.Domain.Common;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Cases;

public class SupportCaseStageTests
{
    private const string ClosedCaseMessage = "終結したケースは変更できません。";

    [Fact]
    public void Lifecycle_LegalPathWithReplan_ReachesClosed_AndRecordsEveryStep()
    {
        var supportCase = OpenCase(Consent(ConsentStatus.Obtained));

        supportCase.StartAssessment(ActingUser, Now);
        supportCase.StartPlanning(AssessmentOf(supportCase), ActingUser, Now);
        var plan = ApprovedPlan(supportCase);
        supportCase.StartSupport(plan, Today, null, ActingUser, Now);
        Assert.Equal(PlanStatus.Active, plan.Status);
        var next = supportCase.Replan(plan, "短期目標を達成", ActingUser, Now);
        Assert.Equal(CaseStage.Planning, supportCase.Stage);
        Assert.Equal(2, next.PlanVersion);
        next.Approve(Today, null, Now);
        supportCase.StartSupport(next, Today, null, ActingUser, Now);
        supportCase.Close("課題が整理され、役割分担に合意した", "就労準備支援につながった。", "第4回重層的支援会議", AgencyWithId(ReferringAgencyId, "くらしサポートセンター"), null, ActingUser, Now);

        Assert.Equal(CaseStage.Closed, supportCase.Stage);
        Assert.Equal(Today, supportCase.ClosedOn);
        Assert.Equal("就労準備支援につながった。", supportCase.ClosureEvaluation);
        Assert.Equal(ReferringAgencyId, supportCase.LeadAgencyId);
        Assert.Equal(6, supportCase.Events.Count(e => e.Kind == CaseEventKind.StageChanged));
        Assert.All(supportCase.Events, e => Assert.Equal(ActingUser.Name, e.ActorName));
    }

    [Fact]
    public void StartAssessment_AddsStageChangedEventNamingBothStages()
    {
        var supportCase = OpenCase();
        var later = Now.AddHours(2);

        supportCase.StartAssessment(ActingUser, later);

        var last = supportCase.Events[^1];
        Assert.Equal(CaseEventKind.StageChanged, last.Kind);
        Assert.Equal("段階を「受付」から「アセスメント」に変更しました。", last.Description);
        Assert.Equal(later.UtcDateTime, last.At);
    }

    [Fact]
    public void StartPlanning_WithoutAssessment_IsRefused()
    {
        var supportCase = CaseIn(CaseStage.Assessment);

        var ex = Assert.Throws<DomainException>(() => supportCase.StartPlanning(null, ActingUser, Now));

        HasError(ex, "Stage", "アセスメントを記録してからプラン作成に進んでください。");
        Assert.Equal(CaseStage.Assessment, supportCase.Stage);
    }

    [Fact]
    public void StartSupport_WithDraftPlan_IsRefused_AndPlanStaysDraft()
    {
        var supportCase = CaseIn(CaseStage.Planning);
        var draft = SupportPlan.Draft(supportCase, Now);

        var ex = Assert.Throws<DomainException>(() => supportCase.StartSupport(draft, Today, null, ActingUser, Now));

        HasError(ex, "Stage", "会議で承認されたプランがないため、支援を開始できません。");
        Assert.Equal(PlanStatus.Draft, draft.Status);
        Assert.Equal(CaseStage.Planning, supportCase.Stage);
    }

    [Fact]
    public void TransitionsOutOfOrder_AreRefusedNamingTheStages()
    {
        var intake = OpenCase(Consent(ConsentStatus.Obtained));
        var assessing = CaseIn(CaseStage.Assessment);
        var supporting = CaseIn(CaseStage.Support);

        var planningTooEarly = Assert.Throws<DomainException>(() => intake.StartPlanning(AssessmentOf(CaseIn(CaseStage.Assessment)), ActingUser, Now));
        var supportTooEarly = Assert.Throws<DomainException>(() => assessing.StartSupport(ApprovedPlan(CaseIn(CaseStage.Planning)), Today, null, ActingUser, Now));
        var assessAgain = Assert.Throws<DomainException>(() => supporting.StartAssessment(ActingUser, Now));
        var closeTooEarly = Assert.Throws<DomainException>(() => assessing.Close("r", "e", null, AgencyWithId(IntakeAgencyId), null, ActingUser, Now));

        Assert.Contains("「受付」から「プラン作成」へは進められません（「アセスメント」の段階からのみ進めます）。", planningTooEarly.Message);
        Assert.Contains("「アセスメント」から「支援中」へは進められません", supportTooEarly.Message);
        Assert.Contains("「支援中」から「アセスメント」へは進められません", assessAgain.Message);
        Assert.Contains("「アセスメント」から「終結」へは進められません", closeTooEarly.Message);
    }

    [Fact]
    public void Close_WithoutReasonEvaluationOrCarryingAgency_ListsAll_AndCaseStaysOpen()
    {
        var supportCase = CaseIn(CaseStage.Support);

        var ex = Assert.Throws<DomainException>(() => supportCase.Close(" ", null, null, null, null, ActingUser, Now));

        HasError(ex, "ClosureReason", "終結の理由を入力してください。");
        HasError(ex, "ClosureEvaluation", "支援の経過と成果の評価を入力してください。");
        HasError(ex, "LeadAgencyId", "終結後も伴走する主担当機関を選択してください。");
        Assert.Equal(CaseStage.Support, supportCase.Stage);
        Assert.Null(supportCase.ClosedOn);
    }

    [Fact]
    public void Close_ReasonOverMaxLength_IsRefused()
    {
        var supportCase = CaseIn(CaseStage.Support);

        var ex = Assert.Throws<DomainException>(() => supportCase.Close(new string('理', SupportCase.ReasonMaxLength + 1), "評価", null, AgencyWithId(IntakeAgencyId), null, ActingUser, Now));

        HasError(ex, "ClosureReason", "終結の理由は500文字以内で入力してください（現在501文字）。");
    }

    [Fact]
    public void HandBack_FromAnyOpenStage_ClosesWithTheIntakeAgencyAsLead()
    {
        var supportCase = CaseIn(CaseStage.Assessment);

        supportCase.HandBack("単独の機関で対応できる見通しが立った", AgencyWithId(IntakeAgencyId), null, ActingUser, Now);

        Assert.Equal(CaseStage.Closed, supportCase.Stage);
        Assert.True(supportCase.IsHandedBack);
        Assert.Equal(IntakeAgencyId, supportCase.LeadAgencyId);
        Assert.StartsWith("包括的相談支援へ戻す", supportCase.ClosureReason);
    }

    [Fact]
    public void HandBack_ToAnAgencyThatDidNotTakeTheConsultation_IsRefused()
    {
        var supportCase = CaseIn(CaseStage.Planning);

        var ex = Assert.Throws<DomainException>(() => supportCase.HandBack("理由", AgencyWithId(OtherAgencyId), null, ActingUser, Now));

        HasError(ex, "LeadAgencyId", "相談を受け付けた（つないだ）機関にだけ戻せます。");
        Assert.Equal(CaseStage.Planning, supportCase.Stage);
    }

    [Fact]
    public void ClosedCase_RefusesEveryTransition()
    {
        var supportCase = CaseIn(CaseStage.Closed);

        Assert.Throws<DomainException>(() => supportCase.StartAssessment(ActingUser, Now));
        Assert.Throws<DomainException>(() => supportCase.HandBack("r", AgencyWithId(IntakeAgencyId), null, ActingUser, Now));
    }

    [Fact]
    public void RecordConsent_ClosedCase_IsRefused()
    {
        var supportCase = CaseIn(CaseStage.Closed);

        var ex = Assert.Throws<DomainException>(() => supportCase.RecordConsent(Consent(ConsentStatus.Withdrawn, Today, ConsentMethod.Verbal), ActingUser, Now));

        Assert.Equal(new DomainError(null, ClosedCaseMessage), Assert.Single(ex.Errors));
        Assert.Single(supportCase.Consents);
    }

    [Fact]
    public void SetLeadAgency_ClosedCase_IsRefused()
    {
        var supportCase = CaseIn(CaseStage.Closed);

        var ex = Assert.Throws<DomainException>(() => supportCase.SetLeadAgency(AgencyWithId(OtherAgencyId), ActingUser, Now));

        Assert.Equal(ClosedCaseMessage, Assert.Single(ex.Errors).Message);
        Assert.Equal(IntakeAgencyId, supportCase.LeadAgencyId);
        Assert.False(supportCase.Involves(OtherAgencyId));
    }

    [Fact]
    public void InvolveAgency_ClosedCase_IsRefused()
    {
        var supportCase = CaseIn(CaseStage.Closed);

        var ex = Assert.Throws<DomainException>(() => supportCase.InvolveAgency(AgencyWithId(OtherAgencyId), ActingUser, Now));

        Assert.Equal(ClosedCaseMessage, Assert.Single(ex.Errors).Message);
        Assert.False(supportCase.Involves(OtherAgencyId));
    }

    [Fact]
    public void SetLeadAgency_ActiveAgency_BecomesLeadWithAccess()
    {
        var supportCase = OpenCase();

        supportCase.SetLeadAgency(AgencyWithId(OtherAgencyId, "生活困窮者自立相談支援窓口"), ActingUser, Now);

        Assert.Equal(OtherAgencyId, supportCase.LeadAgencyId);
        Assert.True(supportCase.Involves(OtherAgencyId));
        Assert.Contains(supportCase.Agencies, a => a.AgencyId == OtherAgencyId && a.Role == CaseAgencyRole.Lead);
        Assert.Equal(CaseEventKind.LeadAgencySet, supportCase.Events[^1].Kind);
        Assert.Equal("主担当機関を「生活困窮者自立相談支援窓口」にしました。", supportCase.Events[^1].Description);
    }

    [Fact]
    public void SetLeadAgency_AnotherAgency_ReplacesThePreviousLead()
    {
        var supportCase = OpenCase();
        supportCase.SetLeadAgency(AgencyWithId(OtherAgencyId), ActingUser, Now);

        supportCase.SetLeadAgency(AgencyWithId(4, "障害者相談支援センター"), ActingUser, Now);

        Assert.Equal(4, supportCase.LeadAgencyId);
        var lead = Assert.Single(supportCase.Agencies, a => a.Role == CaseAgencyRole.Lead);
        Assert.Equal(4, lead.AgencyId);
        Assert.True(supportCase.Involves(IntakeAgencyId));
        // The former lead keeps its access as an assigned agency.
        Assert.Contains(supportCase.Agencies, a => a.AgencyId == OtherAgencyId && a.Role == CaseAgencyRole.Assigned);
    }

    [Fact]
    public void SetLeadAgency_SameAgencyAgain_ChangesNothing()
    {
        var supportCase = OpenCase();
        var agency = AgencyWithId(OtherAgencyId);
        supportCase.SetLeadAgency(agency, ActingUser, Now);
        var events = supportCase.Events.Count;

        supportCase.SetLeadAgency(agency, ActingUser, Now);

        Assert.Single(supportCase.Agencies, a => a.Role == CaseAgencyRole.Lead);
        Assert.Equal(events, supportCase.Events.Count);
    }

    [Fact]
    public void SetLeadAgency_InactiveAgency_IsRefusedAndLeadUnchanged()
    {
        var supportCase = OpenCase();
        supportCase.SetLeadAgency(AgencyWithId(OtherAgencyId), ActingUser, Now);

        var ex = Assert.Throws<DomainException>(() => supportCase.SetLeadAgency(AgencyWithId(4, active: false), ActingUser, Now));

        Assert.Equal(new DomainError("LeadAgencyId", "休止中の機関は主担当にできません。"), Assert.Single(ex.Errors));
        Assert.Equal(OtherAgencyId, supportCase.LeadAgencyId);
        Assert.False(supportCase.Involves(4));
    }

    [Fact]
    public void InvolveAgency_Twice_AddsTheAgencyOnce()
    {
        var supportCase = OpenCase();
        var agency = AgencyWithId(OtherAgencyId, "子ども家庭支援センター");

        supportCase.InvolveAgency(agency, ActingUser, Now);
        supportCase.InvolveAgency(agency, ActingUser, Now);

        var part = Assert.Single(supportCase.Agencies, a => a.AgencyId == OtherAgencyId);
        Assert.Equal(CaseAgencyRole.Assigned, part.Role);
        Assert.True(supportCase.Involves(OtherAgencyId));
        var involved = Assert.Single(supportCase.Events, e => e.Kind == CaseEventKind.AgencyInvolved);
        Assert.Equal("「子ども家庭支援センター」が関わる機関に加わりました。", involved.Description);
    }

    [Fact]
    public void InvolveAgency_InactiveAgency_IsRefused()
    {
        var supportCase = OpenCase();

        var ex = Assert.Throws<DomainException>(() => supportCase.InvolveAgency(AgencyWithId(OtherAgencyId, active: false), ActingUser, Now));

        Assert.Equal(new DomainError("Agencies", "休止中の機関は追加できません。"), Assert.Single(ex.Errors));
        Assert.False(supportCase.Involves(OtherAgencyId));
    }
}
