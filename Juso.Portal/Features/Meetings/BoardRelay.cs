using System.Collections.Concurrent;
using Juso.Portal.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Juso.Portal.Features.Meetings;

/// <summary>Carries board events between portal instances, so that the boards open on one see saves made on another.</summary>
public interface IBoardRelay
{
    event Action<BoardChange>? ChangeReceived;

    event Action<int>? PresenceReceived;

    /// <summary>The link to the other instances came back: changes may have been missed meanwhile.</summary>
    event Action? Reconnected;

    Task PublishChangeAsync(BoardChange change);

    Task PublishPresenceAsync(int meetingId, IReadOnlyList<string> presentHere);

    /// <summary>Who has the meeting's board open on the other instances.</summary>
    IReadOnlyList<string> PresentElsewhere(int meetingId);
}

/// <summary>A single instance: there is nobody to relay to.</summary>
public sealed class LocalBoardRelay : IBoardRelay
{
    public event Action<BoardChange>? ChangeReceived { add { } remove { } }

    public event Action<int>? PresenceReceived { add { } remove { } }

    public event Action? Reconnected { add { } remove { } }

    public Task PublishChangeAsync(BoardChange change) => Task.CompletedTask;

    public Task PublishPresenceAsync(int meetingId, IReadOnlyList<string> presentHere) => Task.CompletedTask;

    public IReadOnlyList<string> PresentElsewhere(int meetingId) => [];
}

/// <summary>
/// Redis pub/sub between instances (the same Redis as the SignalR backplane). Redis down: publishing fails, is
/// logged and shown by the health check, and this instance's own boards and hub clients keep working.
/// </summary>
public sealed class RedisBoardRelay : IBoardRelay, IDisposable
{
    private readonly RedisRelayChannel<RelayMessage> _channel;
    private readonly ConcurrentDictionary<(string Instance, int MeetingId), IReadOnlyList<string>> _elsewhere = new();

    public RedisBoardRelay(IConnectionMultiplexer redis, ILogger<RedisBoardRelay> logger)
    {
        redis.ConnectionFailed += (_, e) => logger.LogError(e.Exception, "Redis connection failed ({FailureType}); boards and bells on other instances will not see changes from here", e.FailureType);
        redis.ConnectionRestored += (_, _) =>
        {
            logger.LogInformation("Redis connection restored; open boards reload");
            Reconnected?.Invoke();
        };
        _channel = new RedisRelayChannel<RelayMessage>(redis, "juso:meeting-board", Receive, logger);
    }

    public event Action<BoardChange>? ChangeReceived;

    public event Action<int>? PresenceReceived;

    public event Action? Reconnected;

    public Task PublishChangeAsync(BoardChange change) => _channel.PublishAsync(new RelayMessage(change, null, null));

    public Task PublishPresenceAsync(int meetingId, IReadOnlyList<string> presentHere) =>
        _channel.PublishAsync(new RelayMessage(null, meetingId, presentHere.ToArray()));

    public IReadOnlyList<string> PresentElsewhere(int meetingId) =>
        _elsewhere.Where(e => e.Key.MeetingId == meetingId).SelectMany(e => e.Value).ToList();

    public void Dispose() => _channel.Dispose();

    private void Receive(string instance, RelayMessage message)
    {
        if (message.Change is { } change)
        {
            ChangeReceived?.Invoke(change);
        }
        else if (message.PresenceMeetingId is { } meetingId)
        {
            _elsewhere[(instance, meetingId)] = message.Present ?? [];
            PresenceReceived?.Invoke(meetingId);
        }
    }

    private sealed record RelayMessage(BoardChange? Change, int? PresenceMeetingId, string[]? Present);
}

/// <summary>Redis configured but unreachable: the portal still serves one instance, and says so here.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis 応答 {latency.TotalMilliseconds:0} ms");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Degraded("Redis に接続できません。この台のボードとお知らせは動きますが、他の台の変更は届きません。", ex);
        }
    }
}
