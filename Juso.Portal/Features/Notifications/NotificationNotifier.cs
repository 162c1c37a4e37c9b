using Juso.Portal.Common;
using StackExchange.Redis;

namespace Juso.Portal.Features.Notifications;

/// <summary>
/// "The notifications of these users changed", raised after the save is committed. Bells subscribe and reload the
/// committed count; nothing but user ids travels. With Redis configured the ids also go to the other instances
/// (channel juso:notifications), so a user's bells follow on every instance.
/// </summary>
public sealed class NotificationNotifier : IDisposable
{
    private readonly RedisRelayChannel<string[]>? _relay;

    public NotificationNotifier(ILogger<NotificationNotifier> logger, IConnectionMultiplexer? redis = null)
    {
        if (redis is not null)
        {
            _relay = new RedisRelayChannel<string[]>(redis, "juso:notifications", (_, userIds) => Deliver(userIds), logger);
        }
    }

    public event Action<IReadOnlySet<string>>? Changed;

    /// <summary>Tells this instance's bells at once; the other instances in the background, so that a slow or unreachable Redis never holds up the job or the save.</summary>
    public void Publish(IEnumerable<string> userIds)
    {
        var set = Deliver(userIds);
        if (set.Count > 0 && _relay is not null)
        {
            _ = _relay.PublishAsync(set.ToArray());
        }
    }

    public void Dispose() => _relay?.Dispose();

    private HashSet<string> Deliver(IEnumerable<string> userIds)
    {
        var set = userIds.ToHashSet(StringComparer.Ordinal);
        if (set.Count > 0)
        {
            Changed?.Invoke(set);
        }
        return set;
    }
}

/// <summary>Puts the e-mail of one notification on the background queue (a Hangfire job; see Hosting/BackgroundJobs.cs).</summary>
public interface IMailQueue
{
    void Enqueue(int notificationId);
}
