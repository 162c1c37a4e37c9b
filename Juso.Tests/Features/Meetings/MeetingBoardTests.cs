using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Meetings;
using Juso.Domain.Monitoring;
using Juso.Domain.Plans;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Plans;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Juso.Tests.Support.CaseSteps;

namespace Juso.Tests.Features.Meetings;

/// <summary>Meetings, the board and the minutes through the real services on SQLite.</summary>
public sealed partial class MeetingBoardTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private CaseSteps _steps = default!;
    private Agency _lead = default!;
    private Agency _partner = default!;
    private MemberOption _chair = default!;
    private MemberOption _member = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _steps = new CaseSteps(_harness);
        _lead = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        _partner = await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly);
        _chair = await AddUserAsync("u-chair", "石田 美穂", _lead);
        _member = await AddUserAsync($"u-member-{_partner.Id}", "藤井 由美", _partner);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static System.Security.Claims.ClaimsPrincipal Member(Agency agency) => TestUsers.MemberOf(agency.Id, "藤井 由美");

    [Fact]
    public async Task SupportMeeting_MemberSeesNoCaseUntilTheirPledge_AndEveryOpeningIsAudited()
    {
        var meetingId = await ScheduleAsync(MeetingKind.Support, await _steps.OpenAsync(consent: false));
        await using var scope = _harness.As(Member(_partner));
        var board = _harness.Get<MeetingBoardService>(scope);

        var before = await board.OpenAsync(meetingId);
        Ok(await _harness.Get<MeetingService>(scope).PledgeAsync(meetingId));
        var after = await board.OpenAsync(meetingId);

        Assert.Equal(MeetingAccess.NeedsPledge, before.Access);
        Assert.Null(before.Board);
        Assert.Equal(MeetingAccess.Allowed, after.Access);
        Assert.Equal("Y.I.", Assert.Single(after.Board!.Items).HouseholdInitials);
        Assert.True(after.Board.MasksNames);
        await using var db = _harness.NewContext();
        var audit = await db.AuditEntries.Where(a => a.UserId == _member.UserId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditAction.AccessDenied, AuditAction.PledgeRecorded, AuditAction.MeetingBoardViewed], audit);
    }

    [Fact]
    public async Task Outsider_CannotOpenTheBoardNorChangeIt_AndTheRefusalIsAudited()
    {
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, await _steps.OpenAsync());
        await using var scope = _harness.As(TestUsers.MemberOf(_lead.Id, "部外者"));
        var board = _harness.Get<MeetingBoardService>(scope);
        var itemId = await FirstItemAsync(meetingId);

        var open = await board.OpenAsync(meetingId);
        var change = await board.RecordDecisionAsync(meetingId, itemId, "勝手に決める");

        Assert.Equal(MeetingAccess.Denied, open.Access);
        Assert.Null(open.Board);
        Assert.Equal(SaveStatus.NotFound, change.Status);
        await using var db = _harness.NewContext();
        Assert.Empty(await db.Meetings.SelectMany(m => m.Decisions).ToListAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.UserId == $"u-member-{_lead.Id}" && a.Action == AuditAction.AccessDenied));
    }

    [Fact]
    public async Task MultiLayeredMeeting_RefusesACaseWithoutConsent_WithTheReason()
    {
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered);
        var withoutConsent = await _steps.OpenAsync(family: "佐藤", familyKana: "サトウ", consent: false);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var meetings = _harness.Get<MeetingService>(scope);
        var option = Assert.Single(await meetings.FindCasesAsync("サトウ"));

        var result = await meetings.AddAgendaItemAsync(meetingId, new AgendaItemForm { Case = option, Purpose = AgendaPurpose.PlanProposal, Minutes = 15 });

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Equal("本人同意のないケースは重層的支援会議では扱えません。支援会議で扱ってください。", Assert.Single(result.Errors).Message);
        Assert.False(option.HasConsent);
        Assert.Equal(withoutConsent, option.CaseId);
    }

    [Fact]
    public async Task ActionItem_WithoutOwner_IsRefused_AndNothingIsSaved()
    {
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, await _steps.OpenAsync());
        await using var scope = _harness.As(Member(_partner));

        var result = await _harness.Get<MeetingBoardService>(scope).AddActionItemAsync(meetingId, await FirstItemAsync(meetingId),
            new ActionItemForm { Text = "家計の状況を確認する", DueOn = new DateTime(2026, 12, 10) });

        Assert.Equal("対応事項の担当機関を選択してください。", Assert.Single(result.Errors).Message);
        await using var db = _harness.NewContext();
        Assert.Empty(await db.Meetings.SelectMany(m => m.ActionItems).ToListAsync());
    }

    [Fact]
    public async Task TwoMembersChangeTheSameAssignment_TheSecondIsToldAndSeesTheFirstValue()
    {
        var caseId = await _steps.OpenAsync();
        await _steps.DraftAsync(caseId, _lead.Id);
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        await using var chairScope = _harness.As(TestUsers.Chair());
        await using var memberScope = _harness.As(Member(_partner));
        var seen = (await _harness.Get<MeetingBoardService>(chairScope).OpenAsync(meetingId)).Board!.Items[0];
        var assignment = seen.Plan!.Assignments[0];

        var first = await _harness.Get<MeetingBoardService>(memberScope)
            .UpdateAssignmentAsync(meetingId, seen.Id, assignment.Id, assignment.Version, Assignment(_partner.Id, "見守り（週1回）"));
        var second = await _harness.Get<MeetingBoardService>(chairScope)
            .UpdateAssignmentAsync(meetingId, seen.Id, assignment.Id, assignment.Version, Assignment(_lead.Id, "家計相談（月2回）"));

        Ok(first);
        Assert.Equal(SaveStatus.Conflict, second.Status);
        Assert.Equal(SaveResult.ConflictMessage, Assert.Single(second.Errors).Message);
        var now = (await _harness.Get<MeetingBoardService>(chairScope).OpenAsync(meetingId)).Board!.Items[0].Plan!.Assignments[0];
        Assert.Equal("見守り（週1回）", now.Task);
        Assert.Equal("東部地域包括支援センター", now.AgencyName);
    }

    [Fact]
    public async Task DecisionsRecordedAtTheSameMoment_AreAllKept()
    {
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, await _steps.OpenAsync());
        var itemId = await FirstItemAsync(meetingId);

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(async i =>
        {
            await using var scope = _harness.As(i % 2 == 0 ? TestUsers.Chair() : Member(_partner));
            return await _harness.Get<MeetingBoardService>(scope).RecordDecisionAsync(meetingId, itemId, $"決定{i}");
        }));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors.Select(e => e.Message))));
        await using var db = _harness.NewContext();
        Assert.Equal(["決定1", "決定2", "決定3", "決定4"], (await db.Meetings.SelectMany(m => m.Decisions).Select(d => d.Text).ToListAsync()).Order());
    }

    [Fact]
    public async Task ASavedChange_ReachesEverySubscribedBoard_AfterItIsCommitted()
    {
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, await _steps.OpenAsync());
        var notifier = _harness.Services.GetRequiredService<MeetingBoardNotifier>();
        var received = new TaskCompletionSource<(BoardChange Change, int Decisions)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = notifier.Subscribe(meetingId, async change =>
        {
            if (change is null)
            {
                return;
            }
            await using var db = _harness.NewContext();
            received.TrySetResult((change, await db.Meetings.SelectMany(m => m.Decisions).CountAsync()));
        });
        await using var scope = _harness.As(Member(_partner));

        Ok(await _harness.Get<MeetingBoardService>(scope).RecordDecisionAsync(meetingId, await FirstItemAsync(meetingId), "主担当は東部包括とする"));

        var (change, decisions) = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(meetingId, change.MeetingId);
        Assert.Equal("決定事項を記録", change.Label);
        Assert.Equal(1, decisions);
    }

    [Fact]
    public async Task AHouseholdMemberRenamed_ReachesTheBoardsOfMeetingsWithThatHouseholdsCase()
    {
        var caseId = await _steps.OpenAsync(family: "山田", familyKana: "ヤマダ");
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        using var next = NextChange(meetingId);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var households = _harness.Get<Juso.Portal.Features.Cases.HouseholdService>(scope);
        await using var db = _harness.NewContext();
        var householdId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.HouseholdId).SingleAsync();
        var household = (await households.GetAsync(householdId))!;
        var form = new Juso.Portal.Features.Cases.HouseholdForm
        {
            Address = household.Address,
            Phone = household.Phone,
            Note = household.Note,
            Members = household.Members.Select(Juso.Portal.Features.Cases.MemberForm.From).ToList(),
        };
        form.Members[0].FamilyName = "川村";
        form.Members[0].FamilyNameKana = "カワムラ";

        Ok(await households.UpdateAsync(householdId, household.Version, form));

        Assert.Equal("ケースの変更", (await next.Received.WaitAsync(TimeSpan.FromSeconds(10))).Label);
        var board = (await _harness.Get<MeetingBoardService>(_harness.As(TestUsers.Chair())).OpenAsync(meetingId)).Board!;
        Assert.Contains("川村", board.Items[0].HouseholdName);
    }

    [Fact]
    public async Task APlanEditedOnTheCasePage_ReachesTheBoardsOfMeetingsWithThatCase()
    {
        var caseId = await _steps.OpenAsync();
        var planId = await _steps.DraftAsync(caseId, _lead.Id);
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, caseId);
        using var next = NextChange(meetingId);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var plans = _harness.Get<PlanService>(scope);

        Ok(await plans.AddAssignmentAsync(caseId, planId, (await plans.PlansAsync(caseId)).Single().Version, Assignment(_partner.Id, "見守り")));

        Assert.Equal("ケースの変更", (await next.Received.WaitAsync(TimeSpan.FromSeconds(10))).Label);
        var board = (await _harness.Get<MeetingBoardService>(_harness.As(TestUsers.Chair())).OpenAsync(meetingId)).Board!;
        Assert.Equal(2, board.Items[0].Plan!.Assignments.Count);
    }

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
    public async Task ReorderingFromAnOutdatedAgenda_IsAConflict_NotASilentOverwrite()
    {
        var meetingId = await ScheduleAsync(MeetingKind.MultiLayered, await _steps.OpenAsync(), await _steps.OpenAsync(family: "佐藤", familyKana: "サトウ"));
        await using var scope = _harness.As(TestUsers.Coordinator());
        var meetings = _harness.Get<MeetingService>(scope);
        var seen = (await meetings.OpenAsync(meetingId)).Meeting!;

        Ok(await meetings.MoveAgendaItemAsync(meetingId, seen.Items[1].Id, 1, seen.Version));
        var stale = await meetings.MoveAgendaItemAsync(meetingId, seen.Items[0].Id, 2, seen.Version);

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal(seen.Items[1].Id, (await meetings.OpenAsync(meetingId)).Meeting!.Items[0].Id);
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

    /// <summary>A meeting on 30 November at 14:00 chaired by u-chair, with the partner agency's member, and the given cases.</summary>
    private async Task<int> ScheduleAsync(MeetingKind kind, params int[] caseIds)
    {
        await using var scope = _harness.As(TestUsers.Chair());
        var meetings = _harness.Get<MeetingService>(scope);
        var id = Ok(await meetings.ScheduleAsync(new MeetingForm
        {
            Kind = kind, Cadence = MeetingCadence.Regular, Date = new DateTime(2026, 11, 30), Time = new TimeSpan(14, 0, 0), Place = "第1会議室", Chair = _chair,
        })).Id;
        Ok(await meetings.AddMemberAsync(id, _member));
        await using var coordinator = _harness.As(TestUsers.Coordinator());
        foreach (var caseId in caseIds)
        {
            var option = (await _harness.Get<MeetingService>(coordinator).FindCasesAsync(null)).Single(o => o.CaseId == caseId);
            Ok(await _harness.Get<MeetingService>(coordinator).AddAgendaItemAsync(id, new AgendaItemForm { Case = option, Purpose = AgendaPurpose.PlanProposal, Minutes = 15 }));
        }
        return id;
    }

    private async Task<int> FirstItemAsync(int meetingId)
    {
        await using var db = _harness.NewContext();
        return await db.Meetings.Where(m => m.Id == meetingId).SelectMany(m => m.Agenda).OrderBy(a => a.Order).Select(a => a.Id).FirstAsync();
    }

    private async Task<MemberOption> AddUserAsync(string id, string name, Agency agency)
    {
        await using var db = _harness.NewContext();
        var staff = Staff.Create(agency, name, "テスト", null, _harness.Time.GetUtcNow());
        db.Staff.Add(staff);
        await db.SaveChangesAsync();
        db.Users.Add(new JusoUser { Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), DisplayName = name, StaffId = staff.Id, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return new MemberOption(id, name, agency.Id, agency.Name);
    }

    /// <summary>The next change announced to the meeting's boards, as a board open on this instance hears it.</summary>
    private NextBoardChange NextChange(int meetingId)
    {
        var received = new TaskCompletionSource<BoardChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = _harness.Services.GetRequiredService<MeetingBoardNotifier>().Subscribe(meetingId, change =>
        {
            if (change is not null)
            {
                received.TrySetResult(change);
            }
            return Task.CompletedTask;
        });
        return new NextBoardChange(received.Task, subscription);
    }

    private sealed record NextBoardChange(Task<BoardChange> Received, IDisposable Subscription) : IDisposable
    {
        public void Dispose() => Subscription.Dispose();
    }
}
