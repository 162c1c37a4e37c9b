using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Meetings;
using Juso.Portal.Common;
using Juso.Portal.Features.Meetings;
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
        _chair = await _harness.AddStaffUserAsync("u-chair", "石田 美穂", _lead);
        _member = await _harness.AddStaffUserAsync($"u-member-{_partner.Id}", "藤井 由美", _partner);
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
