using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Monitoring;
using Juso.Domain.Plans;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Monitoring;

public class MonitoringReviewTests
{
    [Fact]
    public void Record_ActivePlan_KeepsProgressPerGoalAndAssignment_AndMovesTheNextDueDate()
    {
        var plan = ActivePlan();
        var goal = WithId(plan.Goals[0], 11);
        var assignment = WithId(plan.Assignments[0], 21);

        var review = MonitoringReview.Record(plan, new MonitoringDetails(Today, "外出の回数が増えた。",
            [new GoalReviewDetails(goal.Id, GoalProgress.Progressing, "月2回外出")], [new AssignmentReviewDetails(assignment.Id, "訪問は予定どおり")],
            Today.AddDays(60)), ActingUser, Now);

        Assert.Equal(Today.AddDays(60), plan.NextMonitoringDue);
        Assert.Equal(GoalProgress.Progressing, review.Goals[0].Progress);
        Assert.Equal("訪問は予定どおり", review.Assignments[0].Note);
        Assert.Equal(Today.AddDays(60), review.NextDueOn);
    }

    [Fact]
    public void Record_ReviewBeforePlanStart_OrNextDueNotAfterReview_IsRefused_AndDueDateUnchanged()
    {
        var plan = ActivePlan();
        var due = plan.NextMonitoringDue;

        var ex = Assert.Throws<DomainException>(() => MonitoringReview.Record(plan,
            new MonitoringDetails(Today.AddDays(-1), "所見", [], [], Today.AddDays(-1)), ActingUser, Now));

        HasError(ex, "ReviewedOn", "実施日はプランの開始日以降の日付を入力してください。");
        HasError(ex, "NextDueOn", "次回予定日は実施日より後の日付を入力してください。");
        Assert.Equal(due, plan.NextMonitoringDue);
    }

    [Fact]
    public void Record_DraftPlan_IsRefused()
    {
        var draft = SupportPlan.Draft(CaseIn(CaseStage.Planning), Now);

        var ex = Assert.Throws<DomainException>(() => MonitoringReview.Record(draft, new MonitoringDetails(Today, "所見", [], [], Today.AddDays(30)), ActingUser, Now));

        Assert.Contains("実施中のプラン", ex.Message);
    }

    private static SupportPlan ActivePlan()
    {
        var supportCase = CaseIn(CaseStage.Planning);
        var plan = ApprovedPlan(supportCase);
        supportCase.StartSupport(plan, Today, null, ActingUser, Now);
        return plan;
    }
}
