using System.Collections.Concurrent;
using Juso.Portal.Features.Meetings.Contract;
using Microsoft.AspNetCore.SignalR;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// Announces committed board changes. Inside this instance, board components subscribe and reload (sharing one
/// snapshot load per change); hub clients get it as the contract's <see cref="BoardChanged"/> through their meeting's group; other instances hear it
/// over the relay (Redis when configured). It is called after the save, so nothing travels that the database
/// does not hold, and a lost message loses no data.
/// A hub client is told by its own instance, after that instance marked its snapshot stale: were it told over the
/// SignalR backplane, it could reload before the relay reached its instance and be served the state before the change.
/// </summary>
public sealed class MeetingBoardNotifier
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Func<BoardChange?, Task>>> _subscribers = new();
    private readonly IHubContext<MeetingBoardHub, IMeetingBoardClient> _hub;
    private readonly BoardSnapshots _snapshots;
    private readonly IBoardRelay _relay;
    private readonly ILogger<MeetingBoardNotifier> _logger;
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public MeetingBoardNotifier(IHubContext<MeetingBoardHub, IMeetingBoardClient> hub, BoardSnapshots snapshots, IBoardRelay relay, ILogger<MeetingBoardNotifier> logger)
    {
        _hub = hub;
        _snapshots = snapshots;
        _relay = relay;
        _logger = logger;
        relay.ChangeReceived += change =>
        {
            _snapshots.Invalidate(change.MeetingId);
            DeliverLocal(change.MeetingId, change);
            _ = TellHubClientsAsync(change);
        };
        relay.Reconnected += () =>
        {
            // Whatever the other instances changed while the link was down: every open board reloads committed state.
            _snapshots.InvalidateAll();
            var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var meetingId in _subscribers.Keys)
            {
                DeliverLocal(meetingId, new BoardChange(meetingId, 0, "再接続", now));
            }
        };
    }

    /// <summary>This instance's hub group of a meeting: with the backplane, a group named alike on every instance would be one group.</summary>
    public string Group(int meetingId) => $"meeting-{meetingId}@{_instance}";

    /// <summary>Calls <paramref name="onChange"/> (with null for a presence change) until the subscription is disposed.</summary>
    public IDisposable Subscribe(int meetingId, Func<BoardChange?, Task> onChange)
    {
        var key = Guid.NewGuid();
        _subscribers.GetOrAdd(meetingId, _ => new()).TryAdd(key, onChange);
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(meetingId, out var handlers) && handlers.TryRemove(key, out _) && handlers.IsEmpty)
            {
                _snapshots.Release(meetingId);
            }
        });
    }

    /// <summary>
    /// Tells this instance's boards at once; hub clients and other instances are told in the background, so that a slow
    /// or unreachable Redis never holds up the user who saved.
    /// </summary>
    public Task PublishAsync(BoardChange change)
    {
        _snapshots.Invalidate(change.MeetingId);
        DeliverLocal(change.MeetingId, change);
        _ = FanOutAsync(change);
        return Task.CompletedTask;
    }

    private async Task FanOutAsync(BoardChange change)
    {
        await TellHubClientsAsync(change);
        await _relay.PublishChangeAsync(change);
    }

    private async Task TellHubClientsAsync(BoardChange change)
    {
        try
        {
            await _hub.Clients.Group(Group(change.MeetingId)).BoardChanged(BoardContract.Changed(change));
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Board change of meeting {MeetingId} could not be sent to hub clients", change.MeetingId);
        }
    }

    /// <summary>Tells this instance's boards and hub clients of a meeting that someone opened or closed it, here or elsewhere.</summary>
    public async Task PresenceChangedAsync(int meetingId, IReadOnlyList<string> present)
    {
        DeliverLocal(meetingId, null);
        try
        {
            await _hub.Clients.Group(Group(meetingId)).PresenceChanged(BoardContract.Presence(meetingId, present));
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Presence of meeting {MeetingId} could not be sent to hub clients", meetingId);
        }
    }

    private void DeliverLocal(int meetingId, BoardChange? change)
    {
        if (!_subscribers.TryGetValue(meetingId, out var handlers))
        {
            return;
        }
        foreach (var handler in handlers.Values)
        {
            // Each board re-renders on its own circuit; one slow board must not hold up the saving user or the others.
            _ = InvokeAsync(handler, change, meetingId);
        }
    }

    private async Task InvokeAsync(Func<BoardChange?, Task> handler, BoardChange? change, int meetingId)
    {
        try
        {
            await handler(change);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A board of meeting {MeetingId} failed to reload", meetingId);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
