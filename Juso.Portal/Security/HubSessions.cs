using System.Collections.Concurrent;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Microsoft.AspNetCore.SignalR;

namespace Juso.Portal.Security;

/// <summary>Marks a hub method a person calls by hand (a remote's button): its call counts as the user's input.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UserInputAttribute : Attribute;

/// <summary>The hub connections open on this instance, to close those whose session ended.</summary>
public sealed class OpenHubConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    public void Add(HubCallerContext connection) => _open[connection.ConnectionId] = connection;

    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    public IReadOnlyList<HubCallerContext> All => [.. _open.Values];

    /// <summary>Closes this instance's connections of a session at once (sign-out); other instances close theirs on their next sweep.</summary>
    public void CloseSession(Guid sessionId) => Close(c => SessionValidator.SessionIdOf(c.User) == sessionId);

    /// <summary>Closes this instance's connections of a user at once (disabled, password reset).</summary>
    public void CloseUser(string userId) => Close(c => c.UserIdentifier == userId);

    private void Close(Func<HubCallerContext, bool> which)
    {
        foreach (var connection in _open.Values.Where(which))
        {
            connection.Abort();
        }
    }
}

/// <summary>
/// Runs the one session check before every board hub method: a call from an ended, idle, expired or disabled session is
/// refused and audited, as other refusals are. Tracks the open connections for <see cref="SessionSweeper"/>.
/// </summary>
public sealed class HubSessionFilter(OpenHubConnections connections, TimeProvider time) : IHubFilter
{
    public const string SessionEndedMessage = "セッションが終了しました。サインインし直してください。";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var caller = invocationContext.Context;
        var input = invocationContext.HubMethod.IsDefined(typeof(UserInputAttribute), inherit: false) ? time.GetUtcNow().UtcDateTime : (DateTime?)null;
        var services = invocationContext.ServiceProvider;
        var refusal = await SessionValidator.ValidateAsync(services, caller.User!, new SessionUse(input), caller.ConnectionAborted);
        if (refusal is not null)
        {
            var user = CurrentUser.FromPrincipal(caller.User!, caller.GetHttpContext()?.Connection.RemoteIpAddress?.ToString());
            await services.GetRequiredService<AuditLog>().WriteAsync(user, AuditAction.AccessDenied,
                detail: $"会議ボード（ハブ）{invocationContext.HubMethodName}: {refusal.Reason}");
            throw new HubException(SessionEndedMessage);
        }
        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        connections.Add(context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Remove(context.Context.ConnectionId);
        await next(context, exception);
    }
}
