using Juso.Portal.Common;
using Juso.Portal.Features.Monitoring;
using Juso.Portal.Features.Notifications;
using Juso.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Infrastructure;

/// <summary>A user's notification bells on two instances: an alert raised or read on one shows on the other, and with Redis down on its own.</summary>
public sealed partial class ScaleOutTests
{
    [Fact]
    public async Task AnAlertRaisedByAJobOnInstanceA_UpdatesThatUsersBellOnInstanceB()
    {
        var (a, b) = await TwoInstancesAsync();
        var bellOnB = Keep(await LiveBell.OpenAsync(b, "supervisor"));
        Assert.Equal(0, bellOnB.Unread);

        // The recurring job, run on A through the same class Hangfire schedules.
        var raised = await a.Services.GetRequiredService<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);

        Assert.True(raised > 0, "the demo municipality has overdue plans");
        var unread = await UnreadAsync(a, "supervisor");
        Assert.True(unread > 0, "the supervisor gets overdue alerts");
        await bellOnB.ShowsAsync(unread);
    }

    [Fact]
    public async Task MarkingReadOnInstanceB_LowersThatUsersBellOnInstanceA()
    {
        var (a, b) = await TwoInstancesAsync();
        await a.Services.GetRequiredService<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);
        var bellOnA = Keep(await LiveBell.OpenAsync(a, "supervisor"));
        var before = bellOnA.Unread;
        Assert.True(before > 1, "the supervisor has several unread alerts");

        await using (var scope = await b.SignedInScopeAsync("supervisor"))
        {
            var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
            await notifications.MarkReadAsync((await notifications.ListAsync(unreadOnly: true, kind: null))[0].Id);
        }

        await bellOnA.ShowsAsync(before - 1);
    }

    [Fact]
    public async Task RedisConfiguredButDown_TheJobStillRaisesItsAlerts_AndThisInstancesBellFollows()
    {
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = $"127.0.0.1:{RedisServer.FreePort()},connectTimeout=500" };
        var a = Keep(new PortalServer(_directory, settings));
        var bell = Keep(await LiveBell.OpenAsync(a, "supervisor"));

        var raised = await a.Services.GetRequiredService<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);

        Assert.True(raised > 0, "the demo municipality has overdue plans");
        await bell.ShowsAsync(await UnreadAsync(a, "supervisor"));
    }

    private static async Task<int> UnreadAsync(PortalServer server, string userName)
    {
        await using var scope = await server.SignedInScopeAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<NotificationService>().UnreadCountAsync();
    }

    /// <summary>What NotificationBell does on an open page: reloads the user's unread count whenever the notifier names the user.</summary>
    private sealed class LiveBell : IDisposable
    {
        private readonly AsyncServiceScope _scope;
        private readonly NotificationNotifier _notifier;
        private readonly string _userId;
        private int _unread;

        private LiveBell(AsyncServiceScope scope, string userId, int unread)
        {
            _scope = scope;
            _userId = userId;
            _unread = unread;
            _notifier = scope.ServiceProvider.GetRequiredService<NotificationNotifier>();
            _notifier.Changed += OnChanged;
        }

        public int Unread => Volatile.Read(ref _unread);

        public static async Task<LiveBell> OpenAsync(PortalServer server, string userName)
        {
            var scope = await server.SignedInScopeAsync(userName);
            var userId = (await scope.ServiceProvider.GetRequiredService<CurrentUser>().GetAsync()).UserId;
            return new LiveBell(scope, userId, await scope.ServiceProvider.GetRequiredService<NotificationService>().UnreadCountAsync());
        }

        public async Task ShowsAsync(int expected)
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (Unread != expected)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the bell shows {expected} unread, not {Unread}");
                await Task.Delay(50);
            }
        }

        public void Dispose()
        {
            _notifier.Changed -= OnChanged;
            _scope.Dispose();
        }

        private void OnChanged(IReadOnlySet<string> userIds)
        {
            if (userIds.Contains(_userId))
            {
                _ = ReloadAsync();
            }
        }

        private async Task ReloadAsync() =>
            Volatile.Write(ref _unread, await _scope.ServiceProvider.GetRequiredService<NotificationService>().UnreadCountAsync());
    }
}
