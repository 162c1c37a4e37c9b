using System.Collections.Concurrent;
using System.Security.Claims;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Microsoft.AspNetCore.SignalR;

namespace Juso.Portal.Security;

/// <summary>The circuits (and statically rendered requests) open on this instance, for <see cref="SessionSweeper"/>.</summary>
public sealed class OpenCircuits
{
    private readonly ConcurrentDictionary<SessionRevalidatingAuthenticationStateProvider, byte> _open = new();

    public void Add(SessionRevalidatingAuthenticationStateProvider circuit) => _open[circuit] = 0;

    public void Remove(SessionRevalidatingAuthenticationStateProvider circuit) => _open.TryRemove(circuit, out _);

    public IReadOnlyList<SessionRevalidatingAuthenticationStateProvider> All => [.. _open.Keys];
}

/// <summary>
/// Every <see cref="SessionLimits.RevalidationInterval"/>, checks the session behind each hub connection and each circuit
/// open on this instance, once per session however many it has open, and closes the connections and signs out the pages
/// of a disabled user or a signed-out, idle or expired session. A wall screen that only listens calls no hub method, so
/// the hub filter alone would never see it.
/// </summary>
public sealed class SessionSweeper(OpenHubConnections connections, OpenCircuits circuits, IServiceScopeFactory scopes, SessionLimits limits,
    TimeProvider time, ILogger<SessionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(limits.RevalidationInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Checking the sessions of open hub connections and pages failed; trying again at the next interval.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await SweepHubConnectionsAsync(cancellationToken);
        await SweepCircuitsAsync(cancellationToken);
    }

    private async Task SweepHubConnectionsAsync(CancellationToken cancellationToken)
    {
        foreach (var session in connections.All.GroupBy(c => (c.UserIdentifier, SessionValidator.SessionIdOf(c.User))))
        {
            var first = session.First();
            await using var scope = scopes.CreateAsyncScope();
            var refusal = await SessionValidator.ValidateAsync(scope.ServiceProvider, first.User!, new SessionUse(null), cancellationToken);
            if (refusal is null)
            {
                continue;
            }
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(
                CurrentUser.FromPrincipal(first.User!, first.GetHttpContext()?.Connection.RemoteIpAddress?.ToString()), refusal.Action,
                detail: $"会議ボード（ハブ）の接続を閉じました: {refusal.Reason}");
            foreach (var connection in session)
            {
                connection.Abort();
            }
        }
    }

    /// <summary>
    /// The pages of one session count together: the latest input of any of them is the session's, and a wall display
    /// session stays valid only while every one of its pages shows that wall (as when each page was checked alone).
    /// </summary>
    private async Task SweepCircuitsAsync(CancellationToken cancellationToken)
    {
        var signedIn = circuits.All.Select(c => (Circuit: c, c.User)).Where(c => c.User is not null);
        foreach (var session in signedIn.GroupBy(c => (c.User!.FindFirstValue(ClaimTypes.NameIdentifier), SessionValidator.SessionIdOf(c.User))))
        {
            var pages = session.Select(c => c.Circuit).ToList();
            var use = new SessionUse(pages.Max(p => p.Use.LastInputUtc), meetingId => pages.All(p => p.Use.Serves(meetingId)));
            if (!await SessionRevalidatingAuthenticationStateProvider.CheckAsync(scopes, session.First().User!, use, cancellationToken))
            {
                foreach (var page in pages)
                {
                    page.SignOut();
                }
            }
        }
    }
}
