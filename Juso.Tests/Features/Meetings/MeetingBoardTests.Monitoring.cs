using Juso.Domain.Meetings;
using Juso.Domain.Monitoring;
using Juso.Domain.Plans;
using Juso.Portal.Common;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Juso.Tests.Support.CaseSteps;

namespace Juso.Tests.Features.Meetings;

/// <summary>Monitoring, hand-back and closure at a meeting: suggestions, the board's capture and what approving the minutes records.</summary>
public sealed partial class MeetingBoardTests
{
    [Fact]
    public async Task CasesDueForMonitoringByTheMeeting_AreSuggested_UntilTheyAreOnTheAgenda()
    {
        var due = await _steps.OpenAsync();
        await _steps.InSupportAsync(due, _lead.Id, new DateTime(2026, 12, 1));
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var meetings = _harness.Get<MeetingService>(scope);

        var suggestion = Assert.Single(await meetings.SuggestionsAsync(meetingId));
        Ok(await meetings.AddAgendaItemAsync(meetingId, new AgendaItemForm
        {
            Case = new CaseOption(suggestion.CaseId, suggestion.CaseNumber, suggestion.HouseholdLabel, suggestion.HasConsent),
            Purpose = AgendaPurpose.Monitoring,
        }));

        Assert.Equal(new DateOnly(2026, 12, 1), suggestion.Due);
        Assert.Empty(await meetings.SuggestionsAsync(meetingId));
    }

    [Fact]
    public async Task ApprovingTheMinutes_Monitoring_RecordsTheBoardsReview_AndTheOverduePlanIsDueNoMore()
    {
        var caseId = await _steps.OpenAsync();
        var planId = await _steps.InSupportAsync(caseId, _lead.Id, new DateTime(2026, 11, 28));
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        await using var chair = _harness.As(TestUsers.Chair());
        var board = _harness.Get<MeetingBoardService>(chair);
        var itemId = (await board.OpenAsync(meetingId)).Board!.Items[0].Id;
        Ok(await board.ConcludeAsync(meetingId, itemId, AgendaOutcome.Continued));
        Ok(await CaptureAsync(chair, meetingId, 0, "滞納が解消に向かっている", GoalProgress.Achieved));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        _harness.Time.Advance(TimeSpan.FromDays(8));
        var overdueBefore = await OverdueAsync(caseId);

        Ok(await board.ApproveMinutesAsync(meetingId));

        Assert.True(overdueBefore);
        Assert.False(await OverdueAsync(caseId));
        await using var db = _harness.NewContext();
        var review = await db.MonitoringReviews.Include(r => r.Goals).SingleAsync(r => r.SupportCaseId == caseId);
        Assert.Equal("滞納が解消に向かっている", review.Findings);
        Assert.Equal(new DateOnly(2026, 11, 30), review.ReviewedOn);
        Assert.Equal(GoalProgress.Achieved, review.Goals[0].Progress);
        Assert.Equal(new DateOnly(2027, 1, 29), (await db.Plans.SingleAsync(p => p.Id == planId)).NextMonitoringDue);
        var minutes = (await board.OpenAsync(meetingId, minutes: true)).Board!;
        Assert.Equal("滞納が解消に向かっている", minutes.Items[0].Captured.Findings);
        var printed = await _harness.Get<Juso.Portal.Features.Documents.MinutesPrintService>(chair).PrintAsync(meetingId, null);
        Assert.Contains("所見: 滞納が解消に向かっている", string.Concat(PdfText.Pages(printed.Content!)));
    }

    [Fact]
    public async Task ApprovingTheMinutes_AMonitoringWithoutFindings_RefusesEveryOutcome_NamingTheCase()
    {
        var proposal = await _steps.OpenAsync();
        var proposalPlan = await _steps.DraftAsync(proposal, _lead.Id);
        var monitored = await _steps.OpenAsync(family: "佐藤", familyKana: "サトウ");
        await _steps.InSupportAsync(monitored, _lead.Id, new DateTime(2026, 11, 28));
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, proposal, monitored);
        await using var chair = _harness.As(TestUsers.Chair());
        var board = _harness.Get<MeetingBoardService>(chair);
        var items = (await board.OpenAsync(meetingId)).Board!.Items;
        Ok(await board.ConcludeAsync(meetingId, items[0].Id, AgendaOutcome.PlanApproved));
        Ok(await board.ConcludeAsync(meetingId, items[1].Id, AgendaOutcome.Continued));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        _harness.Time.Advance(TimeSpan.FromDays(8));

        var result = await board.ApproveMinutesAsync(meetingId);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Equal($"{items[1].CaseNumber}（現在の支援を継続）: モニタリングの所見が会議ボードに記録されていません。", Assert.Single(result.Errors).Message);
        await using var db = _harness.NewContext();
        Assert.Equal(PlanStatus.Draft, (await db.Plans.SingleAsync(p => p.Id == proposalPlan)).Status);
        Assert.False(await db.MonitoringReviews.AnyAsync());
        Assert.False((await board.OpenAsync(meetingId)).Board!.IsMinutesApproved);
    }

    [Fact]
    public async Task ApprovingTheMinutes_HandedBack_EndsThePlan_AndTheCaseLeavesTheDueListsAndSuggestions()
    {
        int caseId;
        await using (var coordinator = _harness.As(TestUsers.Coordinator()))
        {
            caseId = Ok(await _harness.Get<Juso.Portal.Features.Cases.IntakeService>(coordinator).OpenCaseAsync(IntakeForms.Valid(referringAgencyId: _partner.Id))).Id;
        }
        var planId = await _steps.InSupportAsync(caseId, _lead.Id, new DateTime(2026, 11, 28));
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        await using var chair = _harness.As(TestUsers.Chair());
        var board = _harness.Get<MeetingBoardService>(chair);
        var item = (await board.OpenAsync(meetingId)).Board!.Items[0];
        Ok(await board.ConcludeAsync(meetingId, item.Id, AgendaOutcome.HandedBack));
        item = (await board.OpenAsync(meetingId)).Board!.Items[0];
        Ok(await _harness.Get<BoardOutcomeService>(chair).CaptureHandBackAsync(meetingId, item.Id, item.Version, "地域包括で対応できる見通しが立った"));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        _harness.Time.Advance(TimeSpan.FromDays(8));

        Ok(await board.ApproveMinutesAsync(meetingId));

        await using var db = _harness.NewContext();
        var handedBack = await db.Cases.SingleAsync(c => c.Id == caseId);
        Assert.True(handedBack.IsHandedBack);
        Assert.Equal(_partner.Id, handedBack.LeadAgencyId);
        Assert.Equal(PlanStatus.Stopped, (await db.Plans.SingleAsync(p => p.Id == planId)).Status);
        Assert.False(await OverdueAsync(caseId));
        await using var coordinatorScope = _harness.As(TestUsers.Coordinator());
        Assert.Empty((await _harness.Get<Juso.Portal.Features.Monitoring.MonitoringService>(coordinatorScope).DueAsync(60)).Items);
        Assert.Empty(await _harness.Get<MeetingService>(coordinatorScope).SuggestionsAsync(await ScheduleAsync(MeetingKind.MultiLayered)));
    }

    [Fact]
    public async Task ApprovingTheMinutes_ClosureEvaluated_ClosesTheCaseWithTheBoardsEvaluation()
    {
        var caseId = await _steps.OpenAsync();
        var planId = await _steps.InSupportAsync(caseId, _lead.Id, new DateTime(2026, 11, 28));
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        await using var chair = _harness.As(TestUsers.Chair());
        var board = _harness.Get<MeetingBoardService>(chair);
        var item = (await board.OpenAsync(meetingId)).Board!.Items[0];
        Ok(await board.ConcludeAsync(meetingId, item.Id, AgendaOutcome.ClosureEvaluated));
        item = (await board.OpenAsync(meetingId)).Board!.Items[0];
        Ok(await _harness.Get<BoardOutcomeService>(chair).CaptureClosureAsync(meetingId, item.Id, item.Version,
            new ClosureCaptureForm { Evaluation = "家計が安定し見守りに移行", Reason = "課題が整理された" }));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        _harness.Time.Advance(TimeSpan.FromDays(8));

        Ok(await board.ApproveMinutesAsync(meetingId));

        await using var db = _harness.NewContext();
        var closed = await db.Cases.SingleAsync(c => c.Id == caseId);
        Assert.True(closed.IsClosed);
        Assert.Equal("家計が安定し見守りに移行", closed.ClosureEvaluation);
        // The case was approved at the year's first 重層的支援会議; this is the second.
        Assert.Equal("令和8年度第2回重層的支援会議", closed.EvaluatedAt);
        Assert.Equal(_lead.Id, closed.LeadAgencyId);
        Assert.Equal(PlanStatus.Evaluated, (await db.Plans.SingleAsync(p => p.Id == planId)).Status);
    }

    [Fact]
    public async Task ClosingFromTheCasePage_APlanAgreedAtAMeetingWithoutItsEvaluation_IsRefused_AndNoMeetingIsOffered()
    {
        var caseId = await _steps.OpenAsync();
        await _steps.InSupportAsync(caseId, _lead.Id, new DateTime(2026, 12, 28));
        await using var coordinator = _harness.As(TestUsers.Coordinator());
        var coordination = _harness.Get<Juso.Portal.Features.Cases.CoordinationService>(coordinator);

        var offered = await coordination.EvaluatingMeetingsAsync(caseId);
        var result = await coordination.CloseAsync(caseId, await _steps.CaseVersionAsync(caseId), "課題が整理された", "家計が安定した", null, _lead.Id);

        Assert.Empty(offered);
        Assert.Equal(Juso.Domain.Cases.SupportCase.ClosureNeedsMeetingMessage, Assert.Single(result.Errors).Message);
        await using var db = _harness.NewContext();
        Assert.False((await db.Cases.SingleAsync(c => c.Id == caseId)).IsClosed);
    }

    /// <summary>The board's monitoring capture for the item at <paramref name="index"/>: findings and its plan's first goal.</summary>
    private async Task<SaveResult> CaptureAsync(AsyncServiceScope scope, int meetingId, int index, string findings,
        GoalProgress progress = GoalProgress.Progressing)
    {
        var item = (await _harness.Get<MeetingBoardService>(scope).OpenAsync(meetingId)).Board!.Items[index];
        return await _harness.Get<BoardOutcomeService>(scope).CaptureMonitoringAsync(meetingId, item.Id, item.Version, new MonitoringCaptureForm
        {
            Findings = findings,
            Goals = [new GoalCaptureForm { GoalId = item.Plan!.Goals[0].Id, Progress = progress, Note = "振り返り" }],
        });
    }

    /// <summary>Whether the overdue reminder job would alert for the case's plan on 1 December.</summary>
    private async Task<bool> OverdueAsync(int caseId)
    {
        await using var db = _harness.NewContext();
        return await Juso.Portal.Features.Monitoring.MonitoringAlerts.DueBy(db, Juso.Portal.Features.Monitoring.MonitoringAlerts.Beginning, new DateOnly(2026, 11, 30))
            .ToListAsync() is var due && due.Any(p => p.CaseId == caseId);
    }
}
