using Juso.Domain.Notifications;
using Juso.Portal.Features.Admin;
using Juso.Tests.Support;

namespace Juso.Tests.Features.Admin;

/// <summary>Issue 12 item 10: a portal started after the day's reminder time still raises today's alerts today.</summary>
public sealed class CatchUpMissedRemindersJobTests : IAsyncLifetime
{
    private AlertWorld _world = default!;

    public async Task InitializeAsync() => _world = await AlertWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task RunAsync_AfterAStartPastTheOverdueRunTime_RaisesTheOverdueAlertToday_AndOnlyOnce()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(2));
        // 26 November, 07:00 in Japan: the plan is a day overdue, the 08:00 run has not come yet.
        _world.Harness.Time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromHours(3));
        var catchUp = _world.Get<CatchUpMissedRemindersJob>();

        Assert.Equal(0, await catchUp.RunAsync(CancellationToken.None));
        Assert.Empty(await _world.NotificationsAsync(NotificationKind.MonitoringOverdue));

        // A start at 09:00: the scheduler's next overdue run is tomorrow's, the catch-up makes today's.
        _world.Harness.Time.Advance(TimeSpan.FromHours(2));
        Assert.True(await catchUp.RunAsync(CancellationToken.None) >= 2, "the overdue and due-soon runs of 08:00 are made");
        var alerts = await _world.NotificationsAsync(NotificationKind.MonitoringOverdue);
        Assert.Equal([AlertWorld.CoordinatorId, AlertWorld.SupervisorId], alerts.Select(a => a.RecipientUserId).Order());
        Assert.All(alerts, a => Assert.Equal(caseId, a.CaseId));

        // A second start the same day (or the scheduler's own run) raises nothing again.
        await catchUp.RunAsync(CancellationToken.None);
        Assert.Equal(2, (await _world.NotificationsAsync(NotificationKind.MonitoringOverdue)).Count);
    }
}
