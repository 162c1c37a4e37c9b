using System.Collections.Concurrent;

namespace Juso.Portal.Features.Meetings;

/// <summary>Who has each meeting's board open: this instance's boards and hub connections, plus the other instances'.</summary>
public sealed class BoardPresence
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, string>> _here = new();
    private readonly IBoardRelay _relay;
    private readonly MeetingBoardNotifier _notifier;

    public BoardPresence(IBoardRelay relay, MeetingBoardNotifier notifier)
    {
        _relay = relay;
        _notifier = notifier;
        // Another instance's boards changed: this instance's boards and hub clients redraw who is connected.
        relay.PresenceReceived += meetingId => _ = notifier.PresenceChangedAsync(meetingId, Present(meetingId));
    }

    /// <summary>Adds a connection (a board component or a hub connection) and tells every board of the meeting.</summary>
    public Task JoinAsync(int meetingId, string connection, string name)
    {
        _here.GetOrAdd(meetingId, _ => new())[connection] = name;
        return AnnounceAsync(meetingId);
    }

    public Task LeaveAsync(int meetingId, string connection)
    {
        if (_here.TryGetValue(meetingId, out var connections) && connections.TryRemove(connection, out _))
        {
            return AnnounceAsync(meetingId);
        }
        return Task.CompletedTask;
    }

    /// <summary>The meetings a hub connection was in, for its disconnect.</summary>
    public IReadOnlyList<int> MeetingsOf(string connection) => _here.Where(m => m.Value.ContainsKey(connection)).Select(m => m.Key).ToList();

    public IReadOnlyList<string> Present(int meetingId) =>
        Here(meetingId).Concat(_relay.PresentElsewhere(meetingId)).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Tells the other instances again who is here, so that they know this instance is still alive.</summary>
    public async Task RepublishAsync()
    {
        foreach (var meetingId in _here.Where(m => !m.Value.IsEmpty).Select(m => m.Key).ToList())
        {
            await _relay.PublishPresenceAsync(meetingId, Here(meetingId));
        }
    }

    private async Task AnnounceAsync(int meetingId)
    {
        // Other instances are told in the background: an unreachable Redis must not hold up opening or leaving a board.
        _ = _relay.PublishPresenceAsync(meetingId, Here(meetingId));
        await _notifier.PresenceChangedAsync(meetingId, Present(meetingId));
    }

    private IReadOnlyList<string> Here(int meetingId) =>
        _here.TryGetValue(meetingId, out var connections) ? connections.Values.Distinct().ToList() : [];
}
