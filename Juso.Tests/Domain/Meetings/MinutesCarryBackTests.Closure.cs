using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Meetings;

/// <summary>Closure evaluated and hand-back decided at a meeting, and the same from the case page.</summary>
public partial class MinutesCarryBackTests
{
    [Fact]
    public void Apply_ClosureEvaluated_ClosesTheCaseWithTheBoardsEvaluation_TheReference_AndTheCurrentLead()
    {
        var (supportCase, plan) = InSupport();
        supportCase.SetLeadAgency(AgencyWithId(IntakeAgencyId, "くらしサポートセンター"), ActingUser, Now);
        var (meeting, item) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.ClosureEvaluated);
        meeting.CaptureClosure(item.Id, new ClosureCapture("就労につながり家計も安定した", "課題が整理され役割分担に合意した", null), After);

        Approve(meeting, supportCase, plan);

        Assert.True(supportCase.IsClosed);
        Assert.Equal("就労につながり家計も安定した", supportCase.ClosureEvaluation);
        Assert.Equal("令和8年度第1回重層的支援会議", supportCase.EvaluatedAt);
        Assert.Equal(IntakeAgencyId, supportCase.LeadAgencyId);
        Assert.Equal(PlanStatus.Evaluated, plan.Status);
        Assert.Null(plan.NextMonitoringDue);
    }

    [Fact]
    public void Apply_ClosureWithoutEvaluation_IsRefused()
    {
        var (supportCase, plan) = InSupport();
        var (meeting, _) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.ClosureEvaluated);

        var ex = Assert.Throws<DomainException>(() => Approve(meeting, supportCase, plan));

        Assert.Equal($"{supportCase.Number}（終結を評価）: 終結の評価が会議ボードに記録されていません。", Assert.Single(ex.Errors).Message);
        Assert.False(supportCase.IsClosed);
    }

    [Fact]
    public void Close_APlanAgreedAtAMeeting_WithoutTheMeetingThatEvaluatedIt_IsRefused()
    {
        var (supportCase, plan) = InSupport();

        var ex = Assert.Throws<DomainException>(() => supportCase.Close("課題が整理された", "家計が安定した", " ", AgencyWithId(IntakeAgencyId), plan, ActingUser, Now));

        HasError(ex, nameof(SupportCase.EvaluatedAt), SupportCase.ClosureNeedsMeetingMessage);
        Assert.False(supportCase.IsClosed);
        Assert.Equal(PlanStatus.Active, plan.Status);
    }

    [Fact]
    public void Apply_HandedBack_ReturnsTheCaseToTheIntakeAgency_AndEndsItsPlan()
    {
        var (supportCase, plan) = InSupport();
        var (meeting, item) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.HandedBack);
        meeting.CaptureHandBack(item.Id, "単独の機関で対応できる見通しが立った", After);

        Approve(meeting, supportCase, plan);

        Assert.True(supportCase.IsHandedBack);
        Assert.True(supportCase.IsClosed);
        Assert.Equal(IntakeAgencyId, supportCase.LeadAgencyId);
        Assert.Equal(PlanStatus.Stopped, plan.Status);
        Assert.Null(plan.NextMonitoringDue);
        Assert.Contains(supportCase.Events, e => e.Description.Contains("令和8年度第1回重層的支援会議で包括的相談支援へ戻すことを決めました"));
    }

    [Fact]
    public void HandBack_FromTheCasePage_EndsTheActivePlanToo()
    {
        var (supportCase, plan) = InSupport();

        supportCase.HandBack("単独の機関で対応できる", AgencyWithId(IntakeAgencyId), plan, ActingUser, Now);

        Assert.Equal(PlanStatus.Stopped, plan.Status);
        Assert.Null(plan.NextMonitoringDue);
    }
}
