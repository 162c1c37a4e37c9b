using Juso.Portal.Common;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Security;
using Microsoft.AspNetCore.SignalR;

namespace Juso.Portal.Hosting;

/// <summary>Registrations for the instances to hear of each other's changes: Redis and the live meeting boards.</summary>
public static partial class PortalServices
{
    /// <summary>
    /// With Redis:Configuration set, one Redis connection for the instances to tell each other of changes: the board
    /// relay and the notification bells (channel juso:notifications, picked up by
    /// <see cref="Features.Notifications.NotificationNotifier"/>). Redis down at start or later: keep serving this
    /// instance, keep trying in the background; /health says so.
    /// </summary>
    private static bool AddRedis(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Redis:Configuration"] is not { Length: > 0 } redis)
        {
            return false;
        }
        var options = StackExchange.Redis.ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        options.ClientName = "juso-portal";
        services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(options));
        // Several instances: one would not hear of the others' saves, so every report is counted from the data (ADR 0026).
        services.AddSingleton(Juso.Infrastructure.Persistence.ReportYearCache.Disabled);
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return true;
    }

    /// <summary>
    /// Live boards: an in-process notifier, the board hub (its groups per instance), and with Redis, a Redis relay that
    /// carries every change to the other instances' boards and hub clients, so that neither Blazor's circuits nor the
    /// hub's connections depend on Redis (docs/adr/0007-live-meeting-boards.md).
    /// </summary>
    private static void AddMeetingBoards(IServiceCollection services, IConfiguration configuration, bool withRedis)
    {
        services.AddSignalR().AddHubOptions<MeetingBoardHub>(hub => hub.AddFilter<HubSessionFilter>());
        services.AddSingleton<BoardSnapshots>();
        services.AddSingleton<MeetingBoardNotifier>();
        services.AddSingleton<BoardPresence>();
        services.AddScoped<MeetingWork>();
        services.AddScoped<MeetingService>();
        services.AddScoped<MeetingScheduleService>();
        services.AddScoped<ActionItemService>();
        services.AddScoped<MeetingBoardService>();
        services.AddScoped<WallDisplayService>();
        services.AddScoped<BoardOutcomeService>();
        services.AddScoped<ICaseChangeListener, MeetingCaseListener>();
        services.AddScoped<MeetingLeadListener>();
        services.AddScoped<CaseChangeBroadcast>();
        if (withRedis)
        {
            services.AddSingleton<RedisBoardRelay>();
            services.AddSingleton<IBoardRelay>(sp => sp.GetRequiredService<RedisBoardRelay>());
            services.AddSingleton(new BoardPresenceTiming(configuration.GetValue(BoardPresenceTiming.Key, BoardPresenceTiming.Default)));
            services.AddHostedService<BoardPresenceHeartbeat>();
        }
        else
        {
            services.AddSingleton<IBoardRelay, LocalBoardRelay>();
        }
    }
}
