using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Identity;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;

namespace Juso.Tests.Features.Meetings;

/// <summary>Meeting reminders 3 and 1 days ahead to the chair and members, with the agenda as case numbers.</summary>
public sealed class MeetingReminderJobTests : IAsyncLifetime
{
    private AlertWorld _world = default!;

    public async Task InitializeAsync()
    {
        _world = await AlertWorld.CreateAsync();
        await _world.AddUserAsync("u-chair", "石田 美穂", JusoRoles.Chair, null);
        await _world.AddUserAsync("u-member", "藤井 由美", JusoRoles.AgencyMember, null);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Reminders_ThreeDaysAndOneDayAhead_ToChairAndMembers_EachOnce()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(30));
        var number = await _world.CaseNumberAsync(caseId);
        // Thursday 26 November 2026, 14:00 in Japan: three days after the harness's Monday.
        var meetingId = await _world.ScheduleMeetingAsync(new DateTimeOffset(2026, 11, 26, 14, 0, 0, JapanDate.Offset), caseId, "u-member");
        var job = _world.Get<MeetingReminderJob>();

        var threeDays = await job.RunAsync(CancellationToken.None);
        var sameDayAgain = await job.RunAsync(CancellationToken.None);
        _world.Harness.Time.Advance(TimeSpan.FromDays(1));
        var twoDaysAhead = await job.RunAsync(CancellationToken.None);
        _world.Harness.Time.Advance(TimeSpan.FromDays(1));
        var oneDay = await job.RunAsync(CancellationToken.None);
        var oneDayAgain = await job.RunAsync(CancellationToken.None);
        _world.Harness.Time.Advance(TimeSpan.FromDays(2));
        var after = await job.RunAsync(CancellationToken.None);

        Assert.Equal((2, 0, 0, 2, 0, 0), (threeDays, sameDayAgain, twoDaysAhead, oneDay, oneDayAgain, after));
        var reminders = await _world.NotificationsAsync(NotificationKind.MeetingReminder);
        Assert.Equal(["u-chair:1", "u-chair:3", "u-member:1", "u-member:3"], reminders.Select(r => $"{r.RecipientUserId}:{r.Level}").Order());
        Assert.All(reminders, r => Assert.Equal((meetingId, new DateOnly(2026, 11, 26), $"/meetings/{meetingId}"), (r.SubjectId, r.DueOn, r.Link)));
        var first = reminders.First(r => r.Level == 3);
        Assert.Contains("令和8年11月26日（木） 14:00（3日後）", first.Body);
        Assert.Contains($"1. ケース {number}（モニタリング）", first.Body);
        Assert.DoesNotContain(AlertWorld.PrincipalFamilyName, first.Body);
        Assert.Contains("（1日後）", reminders.First(r => r.Level == 1).Body);
        Assert.Equal(4, _world.Mail.Enqueued.Count);
    }

    [Fact]
    public async Task AMissedThreeDayReminder_IsNotSentLate_TheOneDayReminderIs()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(30));
        await _world.ScheduleMeetingAsync(new DateTimeOffset(2026, 11, 24, 14, 0, 0, JapanDate.Offset), caseId);

        Assert.Equal(1, await _world.Get<MeetingReminderJob>().RunAsync(CancellationToken.None));

        var reminder = Assert.Single(await _world.NotificationsAsync());
        Assert.Equal(("u-chair", 1), (reminder.RecipientUserId, reminder.Level));
    }

    [Fact]
    public async Task SwitchedOff_OrFarAhead_RemindsNobody()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(30));
        await _world.ScheduleMeetingAsync(new DateTimeOffset(2026, 12, 10, 14, 0, 0, JapanDate.Offset), caseId, "u-member");

        Assert.Equal(0, await _world.Get<MeetingReminderJob>().RunAsync(CancellationToken.None));
    }
}
