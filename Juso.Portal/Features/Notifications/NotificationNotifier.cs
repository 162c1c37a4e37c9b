namespace Juso.Portal.Features.Notifications;

/// <summary>
/// In-process "the notifications of these users changed", raised after the save is committed. Bells
/// subscribe and reload the committed count; nothing but user ids travels.
/// </summary>
public sealed class NotificationNotifier
{
    public event Action<IReadOnlySet<string>>? Changed;

    public void Publish(IEnumerable<string> userIds)
    {
        var set = userIds.ToHashSet(StringComparer.Ordinal);
        if (set.Count > 0)
        {
            Changed?.Invoke(set);
        }
    }
}

/// <summary>Puts the e-mail of one notification on the background queue (a Hangfire job; see Hosting/BackgroundJobs.cs).</summary>
public interface IMailQueue
{
    void Enqueue(int notificationId);
}
