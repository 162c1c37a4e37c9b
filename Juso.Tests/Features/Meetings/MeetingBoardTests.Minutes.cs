using Juso.Domain.Auditing;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Portal.Common;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Juso.Tests.Support.CaseSteps;

namespace Juso.Tests.Features.Meetings;

/// <summary>Approving the minutes: what is carried back to the cases, all or nothing, once, and the minutes PDF.</summary>
public sealed partial class MeetingBoardTests
{
    [Fact]
    public async Task ApprovingTheMinutes_ApprovesThePlan_DraftsTheReplan_AndFreezesTheAgreedAssignments()
    {
        var proposal = await _steps.OpenAsync();
        var proposalPlan = await _steps.DraftAsync(proposal, _lead.Id);
        var monitored = await _steps.OpenAsync(family: "佐藤", familyKana: "サトウ");
        await _steps.InSupportAsync(monitored, _lead.Id, new DateTime(2026, 12, 1));
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, proposal, monitored);
        var items = (await _harness.Get<MeetingBoardService>(_harness.As(TestUsers.Chair())).OpenAsync(meetingId)).Board!.Items;
        await using var chair = _harness.As(TestUsers.Chair());
        var board = _harness.Get<MeetingBoardService>(chair);
        Ok(await board.ConcludeAsync(meetingId, items[0].Id, AgendaOutcome.PlanApproved));
        Ok(await board.ConcludeAsync(meetingId, items[1].Id, AgendaOutcome.ReplanRequested));
        Ok(await board.RecordDecisionAsync(meetingId, items[1].Id, "就労の目標を見直す"));
        Ok(await CaptureAsync(chair, meetingId, 1, "就労の目標を見直す"));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        var early = await board.ApproveMinutesAsync(meetingId);
        _harness.Time.Advance(TimeSpan.FromDays(8));

        Ok(await board.ApproveMinutesAsync(meetingId));

        Assert.Equal("開催日時より前には議事録を承認できません。予定より早く開催した場合は、先に「会議を終了」してください。", Assert.Single(early.Errors).Message);
        await using var db = _harness.NewContext();
        var approved = await db.Plans.SingleAsync(p => p.Id == proposalPlan);
        Assert.Equal(PlanStatus.Approved, approved.Status);
        Assert.Equal(new DateOnly(2026, 11, 30), approved.ApprovedOn);
        var replans = await db.Plans.Where(p => p.SupportCaseId == monitored).OrderBy(p => p.PlanVersion).ToListAsync();
        Assert.Equal([PlanStatus.Evaluated, PlanStatus.Draft], replans.Select(p => p.Status));
        Assert.Equal("令和8年度第2回重層的支援会議のモニタリングで見直し: 就労の目標を見直す", replans[0].EndNote);
        var minutes = (await board.OpenAsync(meetingId, minutes: true)).Board!;
        Assert.True(minutes.IsMinutesApproved);
        Assert.Equal("家計相談", Assert.Single(minutes.Items[0].AgreedAssignments).Task);
        Assert.Equal(SaveStatus.Invalid, (await board.RecordDecisionAsync(meetingId, items[0].Id, "追加")).Status);
    }

    [Fact]
    public async Task ConsentWithdrawnAfterTheAgendaWasSet_TheMultiLayeredBoardShowsNothingOfTheCase_AndNothingIsCarriedBack()
    {
        var caseId = await _steps.OpenAsync();
        await _steps.DraftAsync(caseId, _lead.Id);
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        await using var chair = _harness.As(TestUsers.Chair());
        var board = _harness.Get<MeetingBoardService>(chair);
        var itemId = (await board.OpenAsync(meetingId)).Board!.Items[0].Id;
        Ok(await board.ConcludeAsync(meetingId, itemId, AgendaOutcome.PlanApproved));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        await using (var coordinator = _harness.As(TestUsers.Coordinator()))
        {
            Ok(await _harness.Get<Juso.Portal.Features.Cases.CaseService>(coordinator).RecordConsentAsync(caseId, await _steps.CaseVersionAsync(caseId),
                new Juso.Portal.Features.Cases.ConsentForm { Status = Juso.Domain.Cases.ConsentStatus.Withdrawn, Date = new DateTime(2026, 11, 23), Method = Juso.Domain.Cases.ConsentMethod.Verbal, Note = "本人から撤回の申し出" }));
        }
        _harness.Time.Advance(TimeSpan.FromDays(8));

        var item = (await board.OpenAsync(meetingId)).Board!.Items[0];
        var approval = await board.ApproveMinutesAsync(meetingId);

        Assert.Equal(BoardSnapshots.WithoutConsent, item.HouseholdName);
        Assert.Null(item.Plan);
        Assert.Equal(SaveStatus.Invalid, approval.Status);
        Assert.Contains("本人同意がないため", Assert.Single(approval.Errors).Message);
    }

    [Fact]
    public async Task MinutesPdf_HoldsDecisionsAndTheAgreedAssignments_WithInitialsForASupportMeeting_AndOnlyForMembers()
    {
        var caseId = await _steps.OpenAsync(consent: false);
        await _steps.DraftAsync(caseId, _lead.Id);
        var meetingId = await ScheduleAsync(MeetingKind.Support, caseId);
        await using var chair = _harness.As(TestUsers.Chair());
        Ok(await _harness.Get<MeetingService>(chair).PledgeAsync(meetingId));
        var board = _harness.Get<MeetingBoardService>(chair);
        var itemId = (await board.OpenAsync(meetingId)).Board!.Items[0].Id;
        Ok(await board.RecordDecisionAsync(meetingId, itemId, "主担当は東部包括とする"));
        Ok(await board.ConcludeAsync(meetingId, itemId, AgendaOutcome.PlanApproved));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        _harness.Time.Advance(TimeSpan.FromDays(8));
        Ok(await board.ApproveMinutesAsync(meetingId));

        var printed = await _harness.Get<Juso.Portal.Features.Documents.MinutesPrintService>(chair).PrintAsync(meetingId, null);
        await using var unpledgedScope = _harness.As(Member(_partner));
        var refused = await _harness.Get<Juso.Portal.Features.Documents.MinutesPrintService>(unpledgedScope).PrintAsync(meetingId, null);

        Assert.Null(printed.Error);
        var text = string.Concat(PdfText.Pages(printed.Content!));
        Assert.Contains("議事録", text);
        Assert.Contains("主担当は東部包括とする", text);
        Assert.Contains("家計相談", text);
        Assert.Contains("Y.I.", text);
        Assert.DoesNotContain("山田", text);
        Assert.NotNull(refused.Error);
        await using var db = _harness.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.DocumentPrinted && a.UserId == "u-chair"));
    }

    [Fact]
    public async Task ApprovingTheMinutes_WhenOneCaseRefuses_ApprovesNothing_AndNamesTheCase()
    {
        var incomplete = await _steps.OpenAsync();
        await _steps.DraftAsync(incomplete, _lead.Id, complete: false);
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, incomplete);
        await using var chair = _harness.As(TestUsers.Chair());
        var board = _harness.Get<MeetingBoardService>(chair);
        var item = (await board.OpenAsync(meetingId)).Board!.Items[0];
        Ok(await board.ConcludeAsync(meetingId, item.Id, AgendaOutcome.PlanApproved));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        _harness.Time.Advance(TimeSpan.FromDays(8));

        var result = await board.ApproveMinutesAsync(meetingId);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Message == $"{item.CaseNumber}（プランを承認）: 目標を1つ以上設定してから承認してください。");
        Assert.False((await board.OpenAsync(meetingId)).Board!.IsMinutesApproved);
        await using var db = _harness.NewContext();
        Assert.Equal(PlanStatus.Draft, (await db.Plans.SingleAsync()).Status);
    }

    [Fact]
    public async Task ApprovingTheMinutesTwice_IsRefused_AndNothingIsAppliedTwice()
    {
        var caseId = await _steps.OpenAsync();
        await _steps.InSupportAsync(caseId, _lead.Id, new DateTime(2026, 11, 28));
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        await using var chair = _harness.As(TestUsers.Chair());
        var board = _harness.Get<MeetingBoardService>(chair);
        Ok(await board.ConcludeAsync(meetingId, (await board.OpenAsync(meetingId)).Board!.Items[0].Id, AgendaOutcome.Continued));
        Ok(await CaptureAsync(chair, meetingId, 0, "安定している"));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        _harness.Time.Advance(TimeSpan.FromDays(8));
        Ok(await board.ApproveMinutesAsync(meetingId));

        var again = await board.ApproveMinutesAsync(meetingId);

        Assert.Equal(SaveStatus.Invalid, again.Status);
        Assert.Equal("議事録が承認された会議は変更できません。", Assert.Single(again.Errors).Message);
        await using var db = _harness.NewContext();
        Assert.Equal(1, await db.MonitoringReviews.CountAsync());
    }

    [Fact]
    public async Task ApprovingTheMinutesFromTwoBrowsersAtOnce_OneApproves_TheOtherIsRefused_AndNothingIsAppliedTwice()
    {
        var caseId = await _steps.OpenAsync();
        await _steps.InSupportAsync(caseId, _lead.Id, new DateTime(2026, 11, 28));
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        await using var first = _harness.As(TestUsers.Chair());
        await using var second = _harness.As(TestUsers.Chair());
        var board = _harness.Get<MeetingBoardService>(first);
        Ok(await board.ConcludeAsync(meetingId, (await board.OpenAsync(meetingId)).Board!.Items[0].Id, AgendaOutcome.ReplanRequested));
        Ok(await CaptureAsync(first, meetingId, 0, "見直しが必要"));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        _harness.Time.Advance(TimeSpan.FromDays(8));

        var results = await Task.WhenAll(board.ApproveMinutesAsync(meetingId), _harness.Get<MeetingBoardService>(second).ApproveMinutesAsync(meetingId));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Status is SaveStatus.Invalid or SaveStatus.Conflict);
        await using var db = _harness.NewContext();
        Assert.Equal(1, await db.MonitoringReviews.CountAsync());
        Assert.Equal([1, 2], await db.Plans.Where(p => p.SupportCaseId == caseId).OrderBy(p => p.PlanVersion).Select(p => p.PlanVersion).ToListAsync());
    }

    [Fact]
    public async Task ASupportMeetingApprovingASupportPlan_IsRefused_WithTheReason()
    {
        var caseId = await _steps.OpenAsync();
        var planId = await _steps.DraftAsync(caseId, _lead.Id);
        var meetingId = await ScheduleAsync(MeetingKind.Support, caseId);
        await using var chair = _harness.As(TestUsers.Chair());
        Ok(await _harness.Get<MeetingService>(chair).PledgeAsync(meetingId));
        var board = _harness.Get<MeetingBoardService>(chair);
        var item = (await board.OpenAsync(meetingId)).Board!.Items[0];
        Ok(await board.ConcludeAsync(meetingId, item.Id, AgendaOutcome.PlanApproved));
        Ok(await board.RecordAttendanceAsync(meetingId, "u-chair", true));
        _harness.Time.Advance(TimeSpan.FromDays(8));

        var result = await board.ApproveMinutesAsync(meetingId);

        Assert.Equal($"{item.CaseNumber}（プランを承認）: 支援プランは重層的支援会議で承認します。支援会議では承認できません。", Assert.Single(result.Errors).Message);
        await using var db = _harness.NewContext();
        Assert.Equal(PlanStatus.Draft, (await db.Plans.SingleAsync(p => p.Id == planId)).Status);
    }
}
