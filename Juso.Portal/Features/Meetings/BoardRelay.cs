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
    private readonly ConcurrentDictionary<(string Instance, int MeetingId), Announced> _elsewhere = new();
    private readonly TimeProvider _time;
    private readonly BoardPresenceTiming _timing;

    public RedisBoardRelay(IConnectionMultiplexer redis, TimeProvider time, BoardPresenceTiming timing, ILogger<RedisBoardRelay> logger)
    {
        _time = time;
        _timing = timing;
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

    public IReadOnlyList<string> PresentElsewhere(int meetingId)
    {
        var now = _time.GetUtcNow();
        return _elsewhere.Where(e => e.Key.MeetingId == meetingId && !e.Value.IsSilent(now, _timing)).SelectMany(e => e.Value.Names).ToList();
    }

    /// <summary>
    /// Forgets what instances that stopped announcing (crashed, cut off) last said, and returns the meetings whose
    /// boards should redraw who is connected.
    /// </summary>
    public IReadOnlyList<int> DropSilent()
    {
        var now = _time.GetUtcNow();
        var silent = _elsewhere.Where(e => e.Value.IsSilent(now, _timing)).Select(e => e.Key).ToList();
        return silent.Where(key => _elsewhere.TryRemove(key, out var announced) && announced.Names.Count > 0).Select(key => key.MeetingId).Distinct().ToList();
    }

    public void Dispose() => _channel.Dispose();

    private void Receive(string instance, RelayMessage message)
    {
        if (message.Change is { } change)
        {
            ChangeReceived?.Invoke(change);
        }
        else if (message.PresenceMeetingId is { } meetingId)
        {
            _elsewhere[(instance, meetingId)] = new Announced(message.Present ?? [], _time.GetUtcNow());
            PresenceReceived?.Invoke(meetingId);
        }
    }

    private sealed record RelayMessage(BoardChange? Change, int? PresenceMeetingId, string[]? Present);

    private sealed record Announced(IReadOnlyList<string> Names, DateTimeOffset At)
    {
        public bool IsSilent(DateTimeOffset now, BoardPresenceTiming timing) => now - At > timing.Lifetime;
    }
}

/// <summary>
/// How long another instance's "who has the board open" counts without being repeated. Each instance repeats its
/// own every third of it (<see cref="BoardPresenceHeartbeat"/>), so only an instance that stopped is dropped.
/// </summary>
public sealed record BoardPresenceTiming(TimeSpan Lifetime)
{
    public const string Key = "Meetings:PresenceLifetime";

    public static readonly TimeSpan Default = TimeSpan.FromSeconds(90);

    public TimeSpan Heartbeat => Lifetime / 3;
}

/// <summary>With several instances: repeats this instance's presence and drops what silent instances last announced.</summary>
public sealed class BoardPresenceHeartbeat(RedisBoardRelay relay, BoardPresence presence, MeetingBoardNotifier notifier, BoardPresenceTiming timing,
    TimeProvider time, ILogger<BoardPresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(timing.Heartbeat, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await presence.RepublishAsync();
                foreach (var meetingId in relay.DropSilent())
                {
                    await notifier.PresenceChangedAsync(meetingId, presence.Present(meetingId));
                }
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Board presence could not be repeated or tidied; trying again at the next beat");
            }
        }
    }
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
