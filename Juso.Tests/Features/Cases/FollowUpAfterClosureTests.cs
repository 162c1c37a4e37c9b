using Juso.Domain.Cases;
using Juso.Domain.Contacts;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Identity;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Cases;

/// <summary>終結後フォロー on SQLite with the fake clock (2026-11-23 10:00 JST): recorded on a closed case, reminded once on its date.</summary>
public sealed class FollowUpAfterClosureTests : IAsyncLifetime
{
    private const string LeadMemberId = "u-lead-member";

    private AlertWorld _world = default!;

    public async Task InitializeAsync() => _world = await AlertWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task RecordContactAsync_ClosedCase_SavesAFollowUp_AndTheCasePageShowsTheNextDate()
    {
        var caseId = await ClosedCaseAsync();
        var next = _world.Today.AddDays(14);

        var result = await RecordAsync(caseId, new ContactDetails(ContactKind.Call, _world.Harness.Time.GetUtcNow().AddHours(-1), "本人", "近況を確認した。", next));

        Assert.True(result.Succeeded);
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        var contact = Assert.Single(await _world.Harness.Get<CoordinationService>(scope).ContactsAsync(caseId));
        Assert.Equal((true, next), (contact.IsFollowUp, contact.NextFollowUpOn));
        var detail = await _world.Harness.Get<CaseService>(scope).GetAsync(caseId);
        Assert.Equal((CaseStage.Closed, next), (detail!.Stage, detail.NextFollowUpOn));
    }

    [Fact]
    public async Task RecordContactAsync_ClosedCaseWithPastDate_IsRefusedInJapanese_AndNothingIsSaved()
    {
        var caseId = await ClosedCaseAsync();

        var result = await RecordAsync(caseId, new ContactDetails(ContactKind.Call, _world.Harness.Time.GetUtcNow(), null, "電話", _world.Today.AddDays(-1)));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == nameof(ContactRecord.NextFollowUpOn) && e.Message == "次回フォロー予定日に過去の日付は入力できません。");
        await using var db = _world.Harness.NewContext();
        Assert.False(await db.ContactRecords.AnyAsync(r => r.SupportCaseId == caseId));
    }

    [Fact]
    public async Task RecordContactAsync_OpenCaseWithFollowUpDate_IsRefused()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60));

        var result = await RecordAsync(caseId, new ContactDetails(ContactKind.Call, _world.Harness.Time.GetUtcNow(), null, "電話", _world.Today.AddDays(7)));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == nameof(ContactRecord.NextFollowUpOn));
    }

    [Fact]
    public async Task FollowUpReminderJob_OnTheDate_RemindsTheLeadAgencysMembersAndTheCoordinatorOnce()
    {
        var caseId = await ClosedCaseAsync();
        var number = await _world.CaseNumberAsync(caseId);
        var date = _world.Today.AddDays(3);
        Assert.True((await RecordAsync(caseId, new ContactDetails(ContactKind.Visit, _world.Harness.Time.GetUtcNow(), null, "見守り訪問", date))).Succeeded);
        var job = _world.Get<FollowUpReminderJob>();

        Assert.Equal(0, await job.RunAsync(CancellationToken.None));
        _world.Harness.Time.Advance(TimeSpan.FromDays(3));
        var first = await job.RunAsync(CancellationToken.None);
        var rerun = await job.RunAsync(CancellationToken.None);
        _world.Harness.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await job.RunAsync(CancellationToken.None);

        Assert.Equal((2, 0, 0), (first, rerun, nextDay));
        var reminders = await _world.NotificationsAsync(NotificationKind.FollowUpDue);
        Assert.Equal([AlertWorld.CoordinatorId, LeadMemberId], reminders.Select(n => n.RecipientUserId).Order());
        Assert.All(reminders, n => Assert.Equal((caseId, date, $"/cases/{caseId}"), (n.CaseId!.Value, n.DueOn, n.Link)));
        Assert.All(reminders, n => Assert.Contains(number, n.Body));
        Assert.All(reminders, n => Assert.DoesNotContain(AlertWorld.PrincipalFamilyName, n.Title + n.Body));
    }

    [Fact]
    public async Task FollowUpReminderJob_LaterFollowUpWithoutDate_RemindsNothing()
    {
        var caseId = await ClosedCaseAsync();
        var now = _world.Harness.Time.GetUtcNow();
        Assert.True((await RecordAsync(caseId, new ContactDetails(ContactKind.Call, now, null, "電話", _world.Today.AddDays(2)))).Succeeded);
        Assert.True((await RecordAsync(caseId, new ContactDetails(ContactKind.Call, now, null, "フォローは不要になった"))).Succeeded);
        _world.Harness.Time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(0, await _world.Get<FollowUpReminderJob>().RunAsync(CancellationToken.None));
    }

    private async Task<int> ClosedCaseAsync()
    {
        var memberStaff = await _world.AddStaffAsync(_world.Lead, "高木 真一", "タカギ シンイチ");
        await _world.AddUserAsync(LeadMemberId, "高木 真一", JusoRoles.AgencyMember, memberStaff.Id);
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(60));
        await _world.CloseCaseAsync(caseId);
        return caseId;
    }

    private async Task<Juso.Portal.Common.SaveResult> RecordAsync(int caseId, ContactDetails details)
    {
        await using var scope = _world.Harness.As(TestUsers.Coordinator());
        return await _world.Harness.Get<CoordinationService>(scope).RecordContactAsync(caseId, details);
    }
}
