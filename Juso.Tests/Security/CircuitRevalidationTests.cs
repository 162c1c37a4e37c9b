using System.Security.Claims;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Portal.Security;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Security;

/// <summary>Issue 11: an open page's session counts only the input its page reports, never its redraws.</summary>
public sealed class CircuitRevalidationTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private JusoUser _user = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync(new Dictionary<string, string?>
        {
            ["Security:IdleTimeout"] = "00:30:00",
            ["Security:AbsoluteTimeout"] = "08:00:00",
        });
        await using var scope = _harness.Services.CreateAsyncScope();
        _user = new JusoUser { UserName = "chair", DisplayName = "石田 美穂" };
        await scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>().CreateAsync(_user, "a very uncommon phrase");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Revalidate_PageOpenWithoutInputPastTheIdleLimit_EndsTheSession()
    {
        var (circuit, principal, _) = await OpenPageAsync();

        // A board with a running timer redraws every second and is re-checked every minute; nobody touches it.
        for (var minute = 1; minute <= 30; minute++)
        {
            _harness.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.True(await circuit.RevalidateAsync(principal, default), $"signed out after {minute} min");
        }
        _harness.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await circuit.RevalidateAsync(principal, default));
        await using var db = _harness.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SessionEnded && a.Detail == "一定時間操作がなかったため"));
    }

    [Fact]
    public async Task Revalidate_InputReportedByThePageEveryTwentyMinutes_KeepsTheSessionForHours()
    {
        var (circuit, principal, input) = await OpenPageAsync();

        for (var i = 0; i < 6; i++)
        {
            _harness.Time.Advance(TimeSpan.FromMinutes(20));
            // What UserInputWatcher.ReportInput records when the page reports a key, a click or a touch.
            input.Record(_harness.Time.GetUtcNow());
            _harness.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.True(await circuit.RevalidateAsync(principal, default));
        }
    }

    /// <summary>A signed-in page's circuit: its session, its principal as the cookie carries it, and its input tracker.</summary>
    private async Task<(SessionRevalidatingAuthenticationStateProvider Circuit, ClaimsPrincipal Principal, UserInput Input)> OpenPageAsync()
    {
        var sessionId = await _harness.Services.GetRequiredService<SessionStore>().StartAsync(_user.Id, null);
        var scope = _harness.Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<JusoUser>>().CreateAsync(_user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(JusoClaims.SessionId, sessionId.ToString()));
        var circuit = ActivatorUtilities.CreateInstance<SessionRevalidatingAuthenticationStateProvider>(scope.ServiceProvider);
        return (circuit, principal, scope.ServiceProvider.GetRequiredService<UserInput>());
    }
}
