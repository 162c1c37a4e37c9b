using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Plans;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Plans;

public class SupportPlanTests
{
    private const int LeadId = 5;
    private const int PartnerId = 6;

    [Fact]
    public void Draft_CaseWithConsent_IsASupportPlan_WithoutConsent_IsAWholeHouseholdPlan()
    {
        var withConsent = SupportPlan.Draft(PlanningCase(ConsentStatus.Obtained), Now);
        var without = SupportPlan.Draft(PlanningCase(ConsentStatus.NotObtained), Now);

        Assert.Equal(PlanKind.WithConsent, withConsent.Kind);
        Assert.False(withConsent.IsInternalOnly);
        Assert.Equal(PlanKind.WholeHousehold, without.Kind);
        Assert.True(without.IsInternalOnly);
        Assert.Equal(1, withConsent.PlanVersion);
        Assert.Equal(PlanStatus.Draft, withConsent.Status);
    }

    [Fact]
    public void Draft_CaseNotAtPlanning_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => SupportPlan.Draft(OpenCase(), Now));

        Assert.Contains("「プラン作成」の段階", ex.Message);
    }

    [Fact]
    public void Approve_WithoutGoalsLeadOrAssignments_ListsEveryMissingPart_AndStaysDraft()
    {
        var plan = SupportPlan.Draft(PlanningCase(ConsentStatus.Obtained), Now);

        var ex = Assert.Throws<DomainException>(() => plan.Approve(Today, null, Now));

        HasError(ex, "Goals", "目標を1つ以上設定してから承認してください。");
        HasError(ex, "LeadAgencyId", "主担当機関を決めてから承認してください。");
        HasError(ex, "Assignments", "役割分担を1件以上設定してから承認してください。");
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Fact]
    public void Lifecycle_DraftApproveStartEvaluate_MovesThroughEveryStatus()
    {
        var plan = ReadyDraft();

        plan.Approve(Today.AddDays(-2), "第3回重層的支援会議で承認", Now);
        Assert.Equal(PlanStatus.Approved, plan.Status);
        Assert.True(plan.CanBePrintedForSignature);
        plan.Start(Today.AddDays(-1), null, Now);
        Assert.Equal(PlanStatus.Active, plan.Status);
        Assert.Equal(Today.AddDays(-1).AddDays(90), plan.NextMonitoringDue);
        plan.Evaluate("就労準備支援につながった。", Now);

        Assert.Equal(PlanStatus.Evaluated, plan.Status);
        Assert.Null(plan.NextMonitoringDue);
        Assert.False(plan.CanBePrintedForSignature);
    }

    [Fact]
    public void Start_FirstMonitoringBeforeStart_IsRefused()
    {
        var plan = ReadyDraft();
        plan.Approve(Today, null, Now);

        var ex = Assert.Throws<DomainException>(() => plan.Start(Today, Today.AddDays(-1), Now));

        HasError(ex, "NextMonitoringDue", "モニタリング予定日は計画の開始日以降の日付を入力してください。");
        Assert.Equal(PlanStatus.Approved, plan.Status);
    }

    [Fact]
    public void Start_WithoutApproval_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => ReadyDraft().Start(Today, null, Now));

        Assert.Contains("承認済みのプランだけ", ex.Message);
    }

    [Fact]
    public void AddAssignment_InactiveOrMissingAgency_IsRefused()
    {
        var plan = ReadyDraft();

        var inactive = Assert.Throws<DomainException>(() => plan.AddAssignment(Assignment(PartnerId), AgencyWithId(PartnerId, active: false), Now));
        var missing = Assert.Throws<DomainException>(() => plan.AddAssignment(Assignment(99), null, Now));

        HasError(inactive, "AgencyId", "休止中の機関には新しく役割を割り当てられません。");
        HasError(missing, "AgencyId", "役割を担う機関を選択してください（登録されている機関のみ選べます）。");
        Assert.Single(plan.Assignments);
    }

    [Fact]
    public void AddAssignment_EndBeforeStart_IsRefused()
    {
        var plan = ReadyDraft();
        var details = Assignment(PartnerId) with { StartOn = Today, EndOn = Today.AddDays(-1) };

        var ex = Assert.Throws<DomainException>(() => plan.AddAssignment(details, AgencyWithId(PartnerId), Now));

        HasError(ex, "EndOn", "終了日は開始日以降の日付を入力してください。");
    }

    [Fact]
    public void ReviseDraft_AfterApproval_IsRefused_AndRemoveAssignment_TooButStatusCanChange()
    {
        var plan = ReadyDraft();
        plan.Approve(Today, null, Now);

        Assert.Throws<DomainException>(() => plan.ReviseDraft([new GoalDetails(GoalTerm.LongTerm, "x")], AgencyWithId(LeadId), false, false, 30, Now));
        Assert.Throws<DomainException>(() => plan.RemoveAssignment(plan.Assignments[0].Id, Now));
        plan.UpdateAssignment(plan.Assignments[0].Id, Assignment(LeadId) with { Status = AssignmentStatus.InProgress }, AgencyWithId(LeadId));

        Assert.Equal(AssignmentStatus.InProgress, plan.Assignments[0].Status);
    }

    [Fact]
    public void ReviseDraft_EmptyGoalText_AndIntervalOutOfRange_AreRefusedTogether()
    {
        var plan = SupportPlan.Draft(PlanningCase(ConsentStatus.Obtained), Now);

        var ex = Assert.Throws<DomainException>(() => plan.ReviseDraft([new GoalDetails(GoalTerm.ShortTerm, " ")], AgencyWithId(LeadId), false, false, 3, Now));

        HasError(ex, "Goals[0].Text", "短期目標を入力してください。");
        Assert.Contains(ex.Errors, e => e.Field == "MonitoringIntervalDays");
        Assert.Empty(plan.Goals);
    }

    [Fact]
    public void Replan_ActivePlan_KeepsOldVersionEvaluated_AndCopiesGoalsAndLiveAssignments()
    {
        var supportCase = PlanningCase(ConsentStatus.Obtained);
        var plan = ReadyDraft(supportCase);
        plan.AddAssignment(Assignment(PartnerId) with { Status = AssignmentStatus.Stopped }, AgencyWithId(PartnerId), Now);
        plan.Approve(Today, null, Now);
        plan.Start(Today, null, Now);

        var next = plan.Replan(supportCase, "短期目標を達成したため見直し", Now);

        Assert.Equal(PlanStatus.Evaluated, plan.Status);
        Assert.Equal("短期目標を達成したため見直し", plan.EndNote);
        Assert.Equal(2, next.PlanVersion);
        Assert.Equal(PlanStatus.Draft, next.Status);
        Assert.Equal(plan.Goals.Select(g => g.Text), next.Goals.Select(g => g.Text));
        Assert.Single(next.Assignments);
        Assert.Equal(LeadId, next.LeadAgencyId);
    }

    [Fact]
    public void Replan_WithoutEvaluation_IsRefused_AndChangesNothing()
    {
        var supportCase = PlanningCase(ConsentStatus.Obtained);
        var plan = ReadyDraft(supportCase);
        plan.Approve(Today, null, Now);
        plan.Start(Today, null, Now);

        var ex = Assert.Throws<DomainException>(() => plan.Replan(supportCase, "", Now));

        HasError(ex, "EndNote", "評価を入力してください。");
        Assert.Equal(PlanStatus.Active, plan.Status);
    }

    [Fact]
    public void ConsentWithdrawn_StopsASupportPlan_AndTheReplanIsAWholeHouseholdPlan()
    {
        var supportCase = PlanningCase(ConsentStatus.Obtained);
        var plan = ReadyDraft(supportCase);
        plan.Approve(Today, null, Now);
        plan.Start(Today, null, Now);
        supportCase.RecordConsent(Consent(ConsentStatus.Withdrawn, Today, ConsentMethod.Verbal), ActingUser, Now);

        Assert.True(plan.StopForWithdrawnConsent(Now));
        Assert.Equal(PlanStatus.Stopped, plan.Status);
        Assert.False(plan.CanBePrintedForSignature);
        var next = plan.Replan(supportCase, null, Now);

        Assert.Equal(PlanKind.WholeHousehold, next.Kind);
        Assert.True(next.IsInternalOnly);
    }

    [Fact]
    public void ConsentWithdrawn_WholeHouseholdPlan_CarriesOn()
    {
        var plan = ReadyDraft(PlanningCase(ConsentStatus.NotObtained));

        Assert.False(plan.StopForWithdrawnConsent(Now));
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Fact]
    public void WholeHouseholdPlan_IsNeverPrintableForSignature()
    {
        var plan = ReadyDraft(PlanningCase(ConsentStatus.NotObtained));
        plan.Approve(Today, null, Now);
        plan.Start(Today, null, Now);

        Assert.False(plan.CanBePrintedForSignature);
    }

    private static SupportCase PlanningCase(ConsentStatus consent)
    {
        var supportCase = OpenCase(Consent(consent, method: consent == ConsentStatus.NotObtained ? null : ConsentMethod.Written));
        supportCase.StartAssessment(ActingUser, Now);
        supportCase.StartPlanning(AssessmentOf(supportCase), ActingUser, Now);
        return supportCase;
    }

    private static SupportPlan ReadyDraft(SupportCase? supportCase = null)
    {
        var plan = SupportPlan.Draft(supportCase ?? PlanningCase(ConsentStatus.Obtained), Now);
        plan.ReviseDraft(
            [new GoalDetails(GoalTerm.LongTerm, "長男が社会とのつながりを取り戻す"), new GoalDetails(GoalTerm.ShortTerm, "月1回、支援員と外出する")],
            AgencyWithId(LeadId), usesParticipationSupport: true, usesOutreach: true, monitoringIntervalDays: 90, Now);
        plan.AddAssignment(Assignment(LeadId), AgencyWithId(LeadId), Now);
        return plan;
    }

    private static AssignmentDetails Assignment(int agencyId) =>
        new(agencyId, "桑原", "月1回の訪問と外出支援", "月1回", AssignmentStatus.Planned, Today, null);
}
