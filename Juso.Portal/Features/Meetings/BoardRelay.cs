using System.Collections.Concurrent;
using System.Text.Json;
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
    private static readonly RedisChannel Channel = RedisChannel.Literal("juso:meeting-board");
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisBoardRelay> _logger;
    private readonly ConcurrentDictionary<(string Instance, int MeetingId), IReadOnlyList<string>> _elsewhere = new();

    public RedisBoardRelay(IConnectionMultiplexer redis, ILogger<RedisBoardRelay> logger)
    {
        _redis = redis;
        _logger = logger;
        _redis.ConnectionFailed += (_, e) => _logger.LogError(e.Exception, "Redis connection failed ({FailureType}); boards on other instances will not see changes from here", e.FailureType);
        _redis.ConnectionRestored += (_, _) =>
        {
            _logger.LogInformation("Redis connection restored; open boards reload");
            Reconnected?.Invoke();
        };
        // Not awaited: with Redis down the portal must still start. The multiplexer keeps the subscription and
        // renews it when the connection comes back.
        _ = SubscribeAsync();
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await _redis.GetSubscriber().SubscribeAsync(Channel, (_, value) => Receive(value));
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not subscribe to board events on Redis; boards here will not see changes made on other instances until it is reachable");
        }
    }

    public event Action<BoardChange>? ChangeReceived;

    public event Action<int>? PresenceReceived;

    public event Action? Reconnected;

    public Task PublishChangeAsync(BoardChange change) => PublishAsync(new RelayMessage(_instance, change, null, null));

    public Task PublishPresenceAsync(int meetingId, IReadOnlyList<string> presentHere) =>
        PublishAsync(new RelayMessage(_instance, null, meetingId, presentHere.ToArray()));

    public IReadOnlyList<string> PresentElsewhere(int meetingId) =>
        _elsewhere.Where(e => e.Key.MeetingId == meetingId).SelectMany(e => e.Value).ToList();

    public void Dispose() => _redis.GetSubscriber().UnsubscribeAll(CommandFlags.FireAndForget);

    private async Task PublishAsync(RelayMessage message)
    {
        try
        {
            await _redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(message));
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Board event could not be relayed through Redis; only this instance's boards have it");
        }
    }

    private void Receive(RedisValue value)
    {
        var message = JsonSerializer.Deserialize<RelayMessage>(value.ToString());
        if (message is null || message.Instance == _instance)
        {
            return;
        }
        if (message.Change is { } change)
        {
            ChangeReceived?.Invoke(change);
        }
        else if (message.PresenceMeetingId is { } meetingId)
        {
            _elsewhere[(message.Instance, meetingId)] = message.Present ?? [];
            PresenceReceived?.Invoke(meetingId);
        }
    }

    private sealed record RelayMessage(string Instance, BoardChange? Change, int? PresenceMeetingId, string[]? Present);
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
            return HealthCheckResult.Degraded("Redis に接続できません。この台のボードは動きますが、他の台の変更は届きません。", ex);
        }
    }
}
