using System.Globalization;
using System.Security.Claims;
using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Identity;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Meetings;

/// <summary>対応事項 after the meeting, through the real services and job on SQLite: case page, home, reminders, the next agenda.</summary>
public sealed class ActionItemServiceTests : IAsyncLifetime
{
    private const string OwnerId = "u-owner";

    private AlertWorld _world = default!;
    private Agency _owner = default!;
    private Staff _ownerStaff = default!;

    public async Task InitializeAsync()
    {
        _world = await AlertWorld.CreateAsync();
        _owner = await _world.Harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly);
        _ownerStaff = await _world.AddStaffAsync(_owner, "藤井 由美", "フジイ ユミ");
        await _world.AddUserAsync(OwnerId, "藤井 由美", JusoRoles.AgencyMember, _ownerStaff.Id);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task ForCase_ShowsOpenAndDone_WithTheMeetingReference_AndTheCoordinatorCompletesOneAfterTheMinutes()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60));
        var (meetingId, actionIds) = await MeetingWithActionItemsAsync(caseId, Held(-2), approve: true, ("家計の状況を確認する", 20), ("訪問日程を調整する", 10));
        await using var coordinator = _world.Harness.As(Coordinator());
        var service = _world.Harness.Get<ActionItemService>(coordinator);
        var before = await service.ForCaseAsync(caseId);

        var result = await service.CompleteAsync(actionIds[1], before.Single(i => i.Id == actionIds[1]).Version);
        var after = await service.ForCaseAsync(caseId);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.Equal(["訪問日程を調整する", "家計の状況を確認する"], before.Select(i => i.Text));
        Assert.All(before, i => Assert.Equal(("令和8年度第1回重層的支援会議", "東部地域包括支援センター", true), (i.MeetingReference, i.OwnerAgencyName, i.MaySettle)));
        Assert.Equal(["家計の状況を確認する", "訪問日程を調整する"], after.Select(i => i.Text));
        Assert.Equal(("中川 浩二", true), (after[1].CompletedBy, after[1].IsDone));
        await using var db = _world.Harness.NewContext();
        Assert.NotNull((await db.Meetings.SingleAsync(m => m.Id == meetingId)).MinutesApprovedAt);
    }

    [Fact]
    public async Task Complete_BySomeoneNeitherOwnerNorCoordinator_IsRefused_AndNothingChanges()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60));
        var (_, actionIds) = await MeetingWithActionItemsAsync(caseId, Held(-2), approve: true, ("家計の状況を確認する", 20));
        await using var supervisor = _world.Harness.As(TestUsers.Principal(AlertWorld.SupervisorId, "野口 健", _world.Lead.Id, JusoRoles.Supervisor));
        var service = _world.Harness.Get<ActionItemService>(supervisor);
        var item = Assert.Single(await service.ForCaseAsync(caseId));

        var result = await service.CompleteAsync(item.Id, item.Version);

        Assert.False(item.MaySettle);
        Assert.Equal("対応事項の完了・未完了を変更できるのは、担当機関の職員とケースの担当者だけです。", Assert.Single(result.Errors).Message);
        Assert.False(Assert.Single(await service.ForCaseAsync(caseId)).IsDone);
    }

    [Fact]
    public async Task OpenForMe_ListsTheOwnerAgencysOpenItems_AndTheCoordinatorsCases_NotOthersOrDoneOnes()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60));
        var (_, actionIds) = await MeetingWithActionItemsAsync(caseId, Held(-2), approve: false, ("家計の状況を確認する", 20), ("訪問日程を調整する", 10));
        await CompleteDirectlyAsync(actionIds[1]);
        var other = await _world.Harness.AddAgencyAsync("ひばり野市社会福祉協議会", AgencyField.Poverty);
        await using var owner = _world.Harness.As(Owner());
        // Owning an item opens nothing by itself: until the agency takes part in the case, its home lists no item of it.
        Assert.Empty(await _world.Harness.Get<ActionItemService>(owner).OpenForMeAsync());
        await InvolveOwnerAsync(caseId);

        var ownersList = await _world.Harness.Get<ActionItemService>(owner).OpenForMeAsync();
        await using var coordinator = _world.Harness.As(Coordinator());
        var coordinatorsList = await _world.Harness.Get<ActionItemService>(coordinator).OpenForMeAsync();
        await using var stranger = _world.Harness.As(TestUsers.MemberOf(other.Id));
        var strangersList = await _world.Harness.Get<ActionItemService>(stranger).OpenForMeAsync();

        Assert.Equal(["家計の状況を確認する"], ownersList.Select(i => i.Text));
        Assert.Equal(await _world.CaseNumberAsync(caseId), ownersList[0].CaseNumber);
        Assert.Equal(["家計の状況を確認する"], coordinatorsList.Select(i => i.Text));
        Assert.Empty(strangersList);
    }

    [Fact]
    public async Task RemindJob_BeforeTheDueDateAndWhenOverdue_SendsOncePerNaturalKey_ToOwnerAndCoordinator()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60));
        // Due in 10 days; the default setting reminds 7 days ahead.
        var (_, actionIds) = await MeetingWithActionItemsAsync(caseId, Held(-2), approve: false, ("家計の状況を確認する", 10), ("済んだ対応", 10));
        await CompleteDirectlyAsync(actionIds[1]);
        var job = _world.Get<RemindActionItemsJob>();

        var tooEarly = await job.RunAsync(CancellationToken.None);
        _world.Harness.Time.Advance(TimeSpan.FromDays(3));
        var dueSoon = await job.RunAsync(CancellationToken.None);
        var dueSoonAgain = await job.RunAsync(CancellationToken.None);
        _world.Harness.Time.Advance(TimeSpan.FromDays(8));
        var overdue = await job.RunAsync(CancellationToken.None);
        var overdueAgain = await job.RunAsync(CancellationToken.None);

        Assert.Equal((0, 2, 0, 2, 0), (tooEarly, dueSoon, dueSoonAgain, overdue, overdueAgain));
        var soon = await _world.NotificationsAsync(NotificationKind.ActionItemDueSoon);
        var late = await _world.NotificationsAsync(NotificationKind.ActionItemOverdue);
        Assert.Equal([AlertWorld.CoordinatorId, OwnerId], soon.Select(n => n.RecipientUserId).Order());
        Assert.Equal([AlertWorld.CoordinatorId, OwnerId], late.Select(n => n.RecipientUserId).Order());
        Assert.All(soon.Concat(late), n => Assert.Equal((actionIds[0], caseId, $"/cases/{caseId}"), (n.SubjectId, n.CaseId, n.Link)));
        Assert.Contains("令和8年度第1回重層的支援会議で決めた対応事項の期限は 令和8年12月3日（木）（7日後）です。", soon[0].Body);
        Assert.Contains("1日過ぎています", late[0].Body);
        Assert.DoesNotContain(AlertWorld.PrincipalFamilyName, late[0].Body);
    }

    [Fact]
    public async Task NextAgenda_ShowsThePreviousOpenItems_AndThoseDoneSince_NotThoseDoneBeforeThePreviousMeeting()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60));
        var (_, first) = await MeetingWithActionItemsAsync(caseId, Held(-20), approve: false, ("家計の状況を確認する", 30), ("訪問日程を調整する", 30), ("前々回に済んだ対応", 30));
        await CompleteDirectlyAsync(first[2], at: Held(-15));
        var (previous, _) = await MeetingWithActionItemsAsync(caseId, Held(-10), approve: false);
        await CompleteDirectlyAsync(first[1], at: Held(-5));
        var (next, _) = await MeetingWithActionItemsAsync(caseId, Held(7), approve: false);
        var snapshots = _world.Get<BoardSnapshots>();

        var carried = (await snapshots.GetAsync(next))!.Items.Single().PreviousActionItems;
        var atPrevious = (await snapshots.GetAsync(previous))!.Items.Single().PreviousActionItems;

        Assert.Equal([("家計の状況を確認する", false), ("訪問日程を調整する", true)], carried.Select(i => (i.Text, i.CompletedAt is not null)));
        Assert.All(carried, i => Assert.Equal("令和8年度第1回重層的支援会議", i.MeetingReference));
        Assert.Equal(new[] { "家計の状況を確認する", "訪問日程を調整する", "前々回に済んだ対応" }.Order(), atPrevious.Select(i => i.Text).Order());
    }

    [Fact]
    public async Task TopicItem_ReachesTheOwnersHome_WithItsTitleAndMeetingLink_AndTheOwnerCompletesAndReopensIt()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60));
        var (meetingId, actionId) = await TopicActionItemAsync(caseId, "送迎ボランティアの不足", ("送迎の担い手を社協と相談する", 20));
        var other = await _world.Harness.AddAgencyAsync("ひばり野市社会福祉協議会", AgencyField.Poverty);
        await using var owner = _world.Harness.As(Owner());
        var service = _world.Harness.Get<ActionItemService>(owner);
        await using var stranger = _world.Harness.As(TestUsers.MemberOf(other.Id));

        // No case, so no case confidentiality: the owner agency sees it without taking part in any case.
        var listed = Assert.Single(await service.OpenForMeAsync());
        var completed = await service.CompleteAsync(actionId, listed.Version);
        var afterDone = await service.OpenForMeAsync();
        var keptHere = Assert.Single(await service.OpenForMeAsync([actionId]));
        var reopened = await service.ReopenAsync(actionId, keptHere.Version);

        Assert.Equal(("送迎の担い手を社協と相談する", null, "送迎ボランティアの不足", "令和8年度第1回重層的支援会議", $"/meetings/{meetingId}/board", true),
            (listed.Text, listed.CaseNumber, listed.TopicTitle, listed.MeetingReference, listed.Link, listed.MaySettle));
        Assert.True(completed.Succeeded, string.Join(" ", completed.Errors.Select(e => e.Message)));
        Assert.Empty(afterDone);
        Assert.Equal(("藤井 由美", true), (keptHere.CompletedBy, keptHere.IsDone));
        Assert.True(reopened.Succeeded, string.Join(" ", reopened.Errors.Select(e => e.Message)));
        var open = Assert.Single(await service.OpenForMeAsync());
        Assert.False(open.IsDone);
        Assert.Empty(await _world.Harness.Get<ActionItemService>(stranger).OpenForMeAsync());
        Assert.Equal("対応事項の完了・未完了を変更できるのは、担当機関の職員と会議の議長だけです。",
            Assert.Single((await _world.Harness.Get<ActionItemService>(stranger).CompleteAsync(actionId, open.Version)).Errors).Message);
    }

    [Fact]
    public async Task RemindJob_ForATopicItem_SendsOncePerNaturalKey_ToOwnerAndChair_NamingTheTopicAndLinkingTheMeeting()
    {
        await _world.AddUserAsync("u-chair", "石田 美穂", JusoRoles.Coordinator, null);
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60));
        var (meetingId, actionId) = await TopicActionItemAsync(caseId, "送迎ボランティアの不足", ("送迎の担い手を社協と相談する", 5));
        var job = _world.Get<RemindActionItemsJob>();

        var dueSoon = await job.RunAsync(CancellationToken.None);
        var dueSoonAgain = await job.RunAsync(CancellationToken.None);
        _world.Harness.Time.Advance(TimeSpan.FromDays(6));
        var overdue = await job.RunAsync(CancellationToken.None);
        var overdueAgain = await job.RunAsync(CancellationToken.None);

        Assert.Equal((2, 0, 2, 0), (dueSoon, dueSoonAgain, overdue, overdueAgain));
        var sent = await _world.NotificationsAsync();
        Assert.Equal(["u-chair", "u-chair", OwnerId, OwnerId], sent.Select(n => n.RecipientUserId).Order());
        Assert.All(sent, n => Assert.Equal((actionId, (int?)null, $"/meetings/{meetingId}/board"), (n.SubjectId, n.CaseId, n.Link)));
        Assert.Contains("対応事項の期限が過ぎています（送迎ボランティアの不足）", sent.Select(n => n.Title));
    }

    private DateTimeOffset Held(int days) => new(_world.Today.AddDays(days).ToDateTime(new TimeOnly(14, 0)), JapanDate.Offset);

    private ClaimsPrincipal Coordinator() => WithStaff(TestUsers.Coordinator(), _world.CoordinatorStaff.Id);

    private ClaimsPrincipal Owner() => WithStaff(TestUsers.Principal(OwnerId, "藤井 由美", _owner.Id, JusoRoles.AgencyMember), _ownerStaff.Id);

    private static ClaimsPrincipal WithStaff(ClaimsPrincipal principal, int staffId)
    {
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(JusoClaims.StaffId, staffId.ToString(CultureInfo.InvariantCulture)));
        return principal;
    }

    /// <summary>A 重層的支援会議 with the case on its agenda and the given action items (text, due in days from today), owned by the owner agency.</summary>
    private async Task<(int MeetingId, int[] ActionIds)> MeetingWithActionItemsAsync(int caseId, DateTimeOffset at, bool approve, params (string Text, int DueInDays)[] actions)
    {
        var meetingId = await _world.ScheduleMeetingAsync(at, caseId);
        await using var db = _world.Harness.NewContext();
        var meeting = await db.Meetings.Include(m => m.Members).Include(m => m.Agenda).Include(m => m.ActionItems).SingleAsync(m => m.Id == meetingId);
        var addedAt = at.AddHours(-1) < _world.Harness.Time.GetUtcNow() ? at.AddHours(-1) : _world.Harness.Time.GetUtcNow();
        var added = actions.Select(a => meeting.AddActionItem(meeting.Agenda[0].Id,
            new ActionItemDetails(a.Text, _owner.Id, "藤井", _world.Today.AddDays(a.DueInDays)), addedAt)).ToList();
        await db.SaveChangesAsync();
        if (approve)
        {
            var after = at.AddHours(2);
            meeting.RecordAttendance("u-chair", true, after);
            var supportCase = await db.Cases.Include(c => c.Agencies).Include(c => c.Consents).Include(c => c.Events).SingleAsync(c => c.Id == caseId);
            MinutesCarryBack.Apply(meeting, new Dictionary<int, SupportCase> { [caseId] = supportCase }, new Dictionary<int, Juso.Domain.Plans.SupportPlan>(),
                new Dictionary<int, Agency>(), new Actor("u-chair", "石田 美穂"), after);
            await db.SaveChangesAsync();
        }
        return (meetingId, added.Select(a => a.Id).ToArray());
    }

    /// <summary>A meeting (with a case item first) whose 検討テーマ item has one action item owned by the owner agency.</summary>
    private async Task<(int MeetingId, int ActionId)> TopicActionItemAsync(int caseId, string topic, (string Text, int DueInDays) action)
    {
        var meetingId = await _world.ScheduleMeetingAsync(Held(-2), caseId);
        await using var db = _world.Harness.NewContext();
        var meeting = await db.Meetings.Include(m => m.Members).Include(m => m.Agenda).Include(m => m.ActionItems).SingleAsync(m => m.Id == meetingId);
        var now = _world.Harness.Time.GetUtcNow();
        var item = meeting.AddTopicItem(topic, null, AgendaPurpose.ResourceGaps, 15, now);
        await db.SaveChangesAsync();
        var added = meeting.AddActionItem(item.Id, new ActionItemDetails(action.Text, _owner.Id, "藤井", _world.Today.AddDays(action.DueInDays)), now);
        await db.SaveChangesAsync();
        return (meetingId, added.Id);
    }

    private async Task InvolveOwnerAsync(int caseId)
    {
        await using var db = _world.Harness.NewContext();
        var supportCase = await db.Cases.Include(c => c.Agencies).Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        supportCase.InvolveAgency(await db.Agencies.SingleAsync(a => a.Id == _owner.Id), new Actor("u-coordinator", "中川 浩二"), _world.Harness.Time.GetUtcNow());
        await db.SaveChangesAsync();
    }

    private async Task CompleteDirectlyAsync(int actionItemId, DateTimeOffset? at = null)
    {
        await using var db = _world.Harness.NewContext();
        var meeting = await db.Meetings.Include(m => m.Agenda).Include(m => m.ActionItems).SingleAsync(m => m.ActionItems.Any(a => a.Id == actionItemId));
        var caseId = meeting.CaseOf(meeting.ActionItems.Single(a => a.Id == actionItemId));
        var supportCase = await db.Cases.SingleAsync(c => c.Id == caseId);
        meeting.CompleteActionItem(actionItemId, new ActionItemSettler(new Actor(OwnerId, "藤井 由美"), _owner.Id, _ownerStaff.Id), supportCase,
            at ?? _world.Harness.Time.GetUtcNow());
        await db.SaveChangesAsync();
    }
}
