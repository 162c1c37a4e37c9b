using System.Text.Json;
using StackExchange.Redis;

namespace Juso.Portal.Common;

/// <summary>
/// One Redis pub/sub channel between portal instances, over the portal's one Redis connection. Messages are JSON
/// tagged with the sending instance, so an instance never hears itself and a receiver knows who sent it. Neither publishing nor subscribing throws:
/// with Redis down the failure is logged and this instance carries on alone.
/// </summary>
public sealed class RedisRelayChannel<T> : IDisposable
    where T : class
{
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisChannel _channel;
    private readonly ILogger _logger;

    public RedisRelayChannel(IConnectionMultiplexer redis, string channel, Action<string, T> receive, ILogger logger)
    {
        _redis = redis;
        _channel = RedisChannel.Literal(channel);
        _logger = logger;
        // Not awaited: with Redis down the portal must still start. The multiplexer keeps the subscription and
        // renews it when the connection comes back.
        _ = SubscribeAsync(receive);
    }

    public async Task PublishAsync(T message)
    {
        try
        {
            await _redis.GetSubscriber().PublishAsync(_channel, JsonSerializer.Serialize(new Envelope(_instance, message)));
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not relay on Redis channel {Channel}; only this instance has the event", _channel);
        }
    }

    public void Dispose() => _redis.GetSubscriber().Unsubscribe(_channel, flags: CommandFlags.FireAndForget);

    private async Task SubscribeAsync(Action<string, T> receive)
    {
        try
        {
            await _redis.GetSubscriber().SubscribeAsync(_channel, (_, value) =>
            {
                if (JsonSerializer.Deserialize<Envelope>(value.ToString()) is { Message: { } message } envelope && envelope.Instance != _instance)
                {
                    receive(envelope.Instance, message);
                }
            });
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not subscribe to Redis channel {Channel}; this instance will not hear the others until Redis is reachable", _channel);
        }
    }

    private sealed record Envelope(string Instance, T? Message);
}
