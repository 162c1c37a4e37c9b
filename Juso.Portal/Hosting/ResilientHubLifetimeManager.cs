using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace Juso.Portal.Hosting;

/// <summary>
/// A hub's connections and groups through the Redis backplane while Redis answers, and through this instance alone
/// while it does not. Redis's own manager refuses connections when Redis is down (the client is cut off after the
/// timeout); here every connection is also known locally, so a wall screen that connects or sends while Redis is
/// down still gets this instance's changes. A connection that joined while Redis was down is registered with Redis
/// when it comes back; until then it gets messages from here and misses the other instances'.
/// </summary>
public sealed class ResilientHubLifetimeManager<THub> : HubLifetimeManager<THub>, IDisposable
    where THub : Hub
{
    private readonly RedisHubLifetimeManager<THub> _redis;
    private readonly DefaultHubLifetimeManager<THub> _local;
    private readonly IConnectionMultiplexer _multiplexer;
    private readonly ILogger<ResilientHubLifetimeManager<THub>> _logger;
    private readonly ConcurrentDictionary<string, Registration> _connections = new();

    public ResilientHubLifetimeManager(RedisHubLifetimeManager<THub> redis, DefaultHubLifetimeManager<THub> local, IConnectionMultiplexer multiplexer,
        ILogger<ResilientHubLifetimeManager<THub>> logger)
    {
        _redis = redis;
        _local = local;
        _multiplexer = multiplexer;
        _logger = logger;
        _multiplexer.ConnectionRestored += (_, _) => _ = RegisterPendingAsync();
    }

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        var registration = new Registration(connection);
        _connections[connection.ConnectionId] = registration;
        await _local.OnConnectedAsync(connection);
        registration.InRedis = await TryRedisAsync(() => _redis.OnConnectedAsync(connection), "connect");
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _connections.TryRemove(connection.ConnectionId, out var registration);
        await _local.OnDisconnectedAsync(connection);
        if (registration?.InRedis == true)
        {
            await TryRedisAsync(() => _redis.OnDisconnectedAsync(connection), "disconnect");
        }
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await _local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        if (!_connections.TryGetValue(connectionId, out var registration))
        {
            return;
        }
        registration.Groups[groupName] = registration.InRedis
            && await TryRedisAsync(() => _redis.AddToGroupAsync(connectionId, groupName, cancellationToken), "join a group");
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await _local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        if (_connections.TryGetValue(connectionId, out var registration) && registration.Groups.TryRemove(groupName, out var inRedis) && inRedis)
        {
            await TryRedisAsync(() => _redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken), "leave a group");
        }
    }

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendGroupExceptAsync(groupName, methodName, args, [], cancellationToken);

    public override async Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds,
        CancellationToken cancellationToken = default)
    {
        if (await TryRedisAsync(() => _redis.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken), "send to a group"))
        {
            // Redis reached everyone registered with it, here too; the connections it does not know get it from here.
            var viaRedis = _connections.Values.Where(r => r.Groups.TryGetValue(groupName, out var inRedis) && inRedis).Select(r => r.Connection.ConnectionId);
            await _local.SendGroupExceptAsync(groupName, methodName, args, [.. excludedConnectionIds, .. viaRedis], cancellationToken);
            return;
        }
        await _local.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);
    }

    public override async Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        foreach (var group in groupNames)
        {
            await SendGroupAsync(group, methodName, args, cancellationToken);
        }
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAllExceptAsync(methodName, args, [], cancellationToken);

    public override async Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default)
    {
        if (await TryRedisAsync(() => _redis.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken), "send to all"))
        {
            var viaRedis = _connections.Values.Where(r => r.InRedis).Select(r => r.Connection.ConnectionId);
            await _local.SendAllExceptAsync(methodName, args, [.. excludedConnectionIds, .. viaRedis], cancellationToken);
            return;
        }
        await _local.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);
    }

    public override async Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        // A connection of this instance is reached directly; one of another instance only through Redis.
        if (_connections.ContainsKey(connectionId))
        {
            await _local.SendConnectionAsync(connectionId, methodName, args, cancellationToken);
        }
        else
        {
            await TryRedisAsync(() => _redis.SendConnectionAsync(connectionId, methodName, args, cancellationToken), "send to a connection");
        }
    }

    public override async Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        foreach (var connectionId in connectionIds)
        {
            await SendConnectionAsync(connectionId, methodName, args, cancellationToken);
        }
    }

    public override async Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        if (await TryRedisAsync(() => _redis.SendUserAsync(userId, methodName, args, cancellationToken), "send to a user"))
        {
            foreach (var registration in _connections.Values.Where(r => !r.InRedis && r.Connection.UserIdentifier == userId))
            {
                await _local.SendConnectionAsync(registration.Connection.ConnectionId, methodName, args, cancellationToken);
            }
            return;
        }
        await _local.SendUserAsync(userId, methodName, args, cancellationToken);
    }

    public override async Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        foreach (var userId in userIds)
        {
            await SendUserAsync(userId, methodName, args, cancellationToken);
        }
    }

    public void Dispose() => _redis.Dispose();

    /// <summary>Redis came back: the connections and groups it missed are registered, so they get the other instances' messages again.</summary>
    private async Task RegisterPendingAsync()
    {
        foreach (var registration in _connections.Values.Where(r => !r.InRedis))
        {
            registration.InRedis = await TryRedisAsync(() => _redis.OnConnectedAsync(registration.Connection), "connect");
        }
        foreach (var registration in _connections.Values.Where(r => r.InRedis))
        {
            foreach (var group in registration.Groups.Where(g => !g.Value).Select(g => g.Key).ToList())
            {
                registration.Groups[group] = await TryRedisAsync(() => _redis.AddToGroupAsync(registration.Connection.ConnectionId, group), "join a group");
            }
        }
    }

    /// <summary>False when Redis is down or failed: asking it would hold the caller until its timeout.</summary>
    private async Task<bool> TryRedisAsync(Func<Task> action, string what)
    {
        if (!_multiplexer.IsConnected)
        {
            return false;
        }
        try
        {
            await action();
            return true;
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Redis backplane could not {What}; this instance serves its own connections", what);
            return false;
        }
    }

    private sealed class Registration(HubConnectionContext connection)
    {
        public HubConnectionContext Connection { get; } = connection;

        public volatile bool InRedis;

        /// <summary>The connection's groups, and whether Redis knows of its membership.</summary>
        public ConcurrentDictionary<string, bool> Groups { get; } = new();
    }
}
