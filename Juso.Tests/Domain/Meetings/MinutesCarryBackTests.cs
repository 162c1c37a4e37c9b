using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Monitoring;
using Juso.Domain.Plans;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Meetings;

public partial class MinutesCarryBackTests
{
    private static readonly Actor Chair = new("u-chair", "石田 美穂");

    /// <summary>The session is on 30 November; the minutes are approved two hours after it starts.</summary>
    private static readonly DateTimeOffset After = Now.AddDays(7).AddHours(2);

    private static readonly DateOnly MeetingDay = new(2026, 11, 30);

    private static readonly Dictionary<int, Agency> Agencies = new() { [IntakeAgencyId] = AgencyWithId(IntakeAgencyId, "くらしサポートセンター") };

    [Fact]
    public void Reference_IsTheFiscalYearTheNumberAndTheKind()
    {
        Assert.Equal("令和8年度第1回重層的支援会議", Schedule(MeetingKind.MultiLayered).Reference);
    }

    [Fact]
    public void MayDiscuss_MultiLayeredOnlyWithConsent_SupportMeetingAlways()
    {
        Assert.False(Meeting.MayDiscuss(MeetingKind.MultiLayered, ConsentStatus.Withdrawn));
        Assert.False(Meeting.MayDiscuss(MeetingKind.MultiLayered, null));
        Assert.True(Meeting.MayDiscuss(MeetingKind.MultiLayered, ConsentStatus.Obtained));
        Assert.True(Meeting.MayDiscuss(MeetingKind.Support, ConsentStatus.NotObtained));
    }

    [Fact]
    public void Apply_MonitoringContinued_RecordsTheCapturedReview_AndTheNextDueFollowsThePlansIntervalFromTheMeetingDay()
    {
        var (supportCase, plan) = InSupport();
        var (meeting, item) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.Continued);
        meeting.CaptureMonitoring(item.Id, new MonitoringCapture("就労準備支援に通えている", null,
            [new GoalReviewDetails(11, GoalProgress.Progressing, "週2回通所")], [new AssignmentReviewDetails(21, "訪問を継続")]), After);

        var result = Approve(meeting, supportCase, plan);

        var review = Assert.Single(result.Reviews);
        Assert.Equal("就労準備支援に通えている", review.Findings);
        Assert.Equal(MeetingDay, review.ReviewedOn);
        Assert.Equal(GoalProgress.Progressing, Assert.Single(review.Goals).Progress);
        Assert.Equal("訪問を継続", Assert.Single(review.Assignments).Note);
        Assert.Equal(MeetingDay.AddDays(60), plan.NextMonitoringDue);
        Assert.Contains(supportCase.Events, e => e.Description.Contains("令和8年度第1回重層的支援会議でモニタリングを行いました"));
        Assert.True(meeting.IsMinutesApproved);
    }

    [Fact]
    public void Apply_MonitoringWithADecidedDate_UsesIt()
    {
        var (supportCase, plan) = InSupport();
        var (meeting, item) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.Continued);
        meeting.CaptureMonitoring(item.Id, new MonitoringCapture("安定している", new DateOnly(2027, 1, 15), [], []), After);

        Approve(meeting, supportCase, plan);

        Assert.Equal(new DateOnly(2027, 1, 15), plan.NextMonitoringDue);
    }

    [Fact]
    public void Apply_MonitoringReplanRequested_RecordsTheReview_AndDraftsTheNextVersion()
    {
        var (supportCase, plan) = InSupport();
        var (meeting, item) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.ReplanRequested);
        meeting.CaptureMonitoring(item.Id, new MonitoringCapture("就労の目標を見直す", null, [], []), After);

        var result = Approve(meeting, supportCase, plan);

        Assert.Single(result.Reviews);
        var next = Assert.Single(result.NewPlans);
        Assert.Equal(2, next.PlanVersion);
        Assert.Equal(PlanStatus.Draft, next.Status);
        Assert.Equal(PlanStatus.Evaluated, plan.Status);
        Assert.Null(plan.NextMonitoringDue);
        Assert.Equal(CaseStage.Planning, supportCase.Stage);
    }

    [Fact]
    public void Apply_MonitoringWithoutCapturedFindings_IsRefusedNamingTheCase_AndTheMinutesStayOpen()
    {
        var (supportCase, plan) = InSupport();
        var (meeting, _) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.Continued);

        var ex = Assert.Throws<DomainException>(() => Approve(meeting, supportCase, plan));

        Assert.Equal($"{supportCase.Number}（現在の支援を継続）: モニタリングの所見が会議ボードに記録されていません。", Assert.Single(ex.Errors).Message);
        Assert.False(meeting.IsMinutesApproved);
    }

    [Fact]
    public void CaptureMonitoring_WithoutFindings_IsRefused()
    {
        var (supportCase, _) = InSupport();
        var (meeting, item) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.Continued);

        var ex = Assert.Throws<DomainException>(() => meeting.CaptureMonitoring(item.Id, new MonitoringCapture(" ", MeetingDay, [], []), After));

        HasError(ex, nameof(AgendaItem.Findings), "所見を入力してください。");
        HasError(ex, nameof(AgendaItem.NextMonitoringDue), "次回のモニタリング予定日は会議の日より後の日付を入力してください。");
    }

    [Fact]
    public void Apply_MultiLayeredMeetingApprovesASupportPlan_WithTheReference()
    {
        var (supportCase, plan) = Drafted(consent: true);
        var (meeting, _) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.PlanApproved);

        Approve(meeting, supportCase, plan);

        Assert.Equal(PlanStatus.Approved, plan.Status);
        Assert.Equal(MeetingDay, plan.ApprovedOn);
        Assert.Equal("令和8年度第1回重層的支援会議", plan.ApprovalNote);
    }

    [Fact]
    public void Apply_SupportMeetingApprovingASupportPlan_IsRefused()
    {
        var (supportCase, plan) = Drafted(consent: true);
        var (meeting, _) = OnAgenda(MeetingKind.Support, supportCase, AgendaOutcome.PlanApproved);

        var ex = Assert.Throws<DomainException>(() => Approve(meeting, supportCase, plan));

        Assert.Equal($"{supportCase.Number}（プランを承認）: 支援プランは重層的支援会議で承認します。支援会議では承認できません。", Assert.Single(ex.Errors).Message);
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Fact]
    public void Apply_SupportMeetingApprovesAWholeHouseholdPlan()
    {
        var (supportCase, plan) = Drafted(consent: false);
        var (meeting, _) = OnAgenda(MeetingKind.Support, supportCase, AgendaOutcome.PlanApproved);

        Approve(meeting, supportCase, plan);

        Assert.Equal(PlanStatus.Approved, plan.Status);
        Assert.Equal("令和8年度第1回支援会議", plan.ApprovalNote);
    }

    [Fact]
    public void Apply_MultiLayeredMeetingGivenAWholeHouseholdDraftAfterConsent_MakesItASupportPlanDraft_NotAnApproval()
    {
        var (supportCase, plan) = Drafted(consent: false);
        supportCase.RecordConsent(Consent(ConsentStatus.Obtained, Today), ActingUser, Now);
        var (meeting, _) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.PlanApproved);

        Approve(meeting, supportCase, plan);

        Assert.Equal(PlanKind.WithConsent, plan.Kind);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Contains(supportCase.Events, e => e.Description.Contains("支援プラン案に切り替えました"));
    }

    [Fact]
    public void ConvertToWithConsent_WithoutConsent_IsRefused()
    {
        var (supportCase, plan) = Drafted(consent: false);

        Assert.Throws<DomainException>(() => plan.ConvertToWithConsent(supportCase, Now));
        Assert.Equal(PlanKind.WholeHousehold, plan.Kind);
    }

    [Fact]
    public void Apply_ConsentWithdrawnAfterTheAgendaWasSet_IsRefusedNamingTheCase()
    {
        var (supportCase, plan) = Drafted(consent: true);
        var (meeting, _) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.PlanApproved);
        supportCase.RecordConsent(Consent(ConsentStatus.Withdrawn, Today), ActingUser, Now);

        var ex = Assert.Throws<DomainException>(() => Approve(meeting, supportCase, plan));

        Assert.StartsWith($"{supportCase.Number}（プランを承認）: 本人同意がないため", Assert.Single(ex.Errors).Message);
        Assert.False(meeting.IsMinutesApproved);
    }

    [Fact]
    public void Apply_Twice_IsRefused()
    {
        var (supportCase, plan) = Drafted(consent: true);
        var (meeting, _) = OnAgenda(MeetingKind.MultiLayered, supportCase, AgendaOutcome.PlanApproved);
        Approve(meeting, supportCase, plan);

        var ex = Assert.Throws<DomainException>(() => Approve(meeting, supportCase, plan));

        Assert.Equal("議事録が承認された会議は変更できません。", ex.Message);
    }

    [Fact]
    public void Apply_SeveralItems_CollectsEveryRefusal()
    {
        var (first, firstPlan) = InSupport();
        var (second, secondPlan) = InSupport(id: 501);
        var meeting = Schedule(MeetingKind.MultiLayered);
        var a = WithId(meeting.AddAgendaItem(first, AgendaPurpose.Monitoring, 15, Now), 1);
        var b = WithId(meeting.AddAgendaItem(second, AgendaPurpose.ClosureEvaluation, 15, Now), 2);
        meeting.Conclude(a.Id, AgendaOutcome.Continued, Now);
        meeting.Conclude(b.Id, AgendaOutcome.ClosureEvaluated, Now);
        meeting.RecordAttendance(Chair.UserId, true, Now);

        var ex = Assert.Throws<DomainException>(() => MinutesCarryBack.Apply(meeting,
            new Dictionary<int, SupportCase> { [first.Id] = first, [second.Id] = second },
            new Dictionary<int, SupportPlan> { [first.Id] = firstPlan, [second.Id] = secondPlan }, Agencies, Chair, After));

        Assert.Equal(2, ex.Errors.Count);
        Assert.False(meeting.IsMinutesApproved);
    }

    private static CarryBackResult Approve(Meeting meeting, SupportCase supportCase, SupportPlan plan) =>
        MinutesCarryBack.Apply(meeting, new Dictionary<int, SupportCase> { [supportCase.Id] = supportCase },
            new Dictionary<int, SupportPlan> { [supportCase.Id] = plan }, Agencies, Chair, After);

    private static (Meeting Meeting, AgendaItem Item) OnAgenda(MeetingKind kind, SupportCase supportCase, AgendaOutcome outcome)
    {
        var meeting = Schedule(kind);
        var item = WithId(meeting.AddAgendaItem(supportCase, AgendaPurpose.Monitoring, 15, Now), 1);
        meeting.Conclude(item.Id, outcome, Now);
        meeting.RecordAttendance(Chair.UserId, true, Now);
        return (meeting, item);
    }

    /// <summary>A case at プラン作成 with a complete draft: a 支援プラン with consent, a 世帯丸ごと支援プラン without.</summary>
    private static (SupportCase Case, SupportPlan Plan) Drafted(bool consent, int id = 500)
    {
        var supportCase = WithId(OpenCase(consent ? Consent(ConsentStatus.Obtained) : Consent(ConsentStatus.NotObtained, method: null)), id);
        supportCase.StartAssessment(ActingUser, Now);
        supportCase.StartPlanning(AssessmentOf(supportCase), ActingUser, Now);
        var plan = WithId(SupportPlan.Draft(supportCase, Now), 60);
        plan.ReviseDraft([new GoalDetails(GoalTerm.LongTerm, "世帯が安心して暮らし続ける")], AgencyWithId(IntakeAgencyId), false, false, 60, Now);
        plan.AddAssignment(new AssignmentDetails(IntakeAgencyId, "担当 花子", "月1回の訪問", "月1回", AssignmentStatus.Planned, Today, null), AgencyWithId(IntakeAgencyId), Now);
        WithId(plan.Goals[0], 11);
        WithId(plan.Assignments[0], 21);
        return (supportCase, plan);
    }

    /// <summary>A case with consent in 支援中 since today, its plan (goal 11, assignment 21) monitored every 60 days.</summary>
    private static (SupportCase Case, SupportPlan Plan) InSupport(int id = 500)
    {
        var (supportCase, plan) = Drafted(consent: true, id);
        plan.Approve(Today, null, Now);
        supportCase.StartSupport(plan, Today, null, ActingUser, Now);
        return (supportCase, plan);
    }

    private static Meeting Schedule(MeetingKind kind) =>
        Meeting.Schedule(kind, MeetingCadence.Regular, Now.AddDays(7), "市役所 第1会議室", Chair, "石田 美穂", 1, Now);
}
