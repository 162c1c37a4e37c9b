using System.Security.Claims;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Portal.Security;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
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

    [Fact]
    public async Task Sweep_SessionSignedOut_SignsOutEveryOpenPageOfIt()
    {
        var (sessionId, pages) = await OpenPagesOfOneSessionAsync(2);
        var other = (await OpenPagesOfOneSessionAsync(1)).Pages[0];

        await _harness.Services.GetRequiredService<SessionStore>().EndAsync(sessionId, "SignedOut");
        await Sweeper().SweepAsync(default);

        Assert.All(pages, page => Assert.Null(page.Circuit.User));
        Assert.False((await pages[0].Circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        // Another session of the same user stays signed in.
        Assert.NotNull(other.Circuit.User);
    }

    [Fact]
    public async Task Sweep_InputOnOnePageOfASession_KeepsItsOtherPagesSignedIn()
    {
        var (_, pages) = await OpenPagesOfOneSessionAsync(2);

        // A board left open on one screen while the person types on another page of the same sign-in.
        _harness.Time.Advance(TimeSpan.FromMinutes(20));
        pages[1].Input.Record(_harness.Time.GetUtcNow());
        _harness.Time.Advance(TimeSpan.FromMinutes(15));
        await Sweeper().SweepAsync(default);
        Assert.All(pages, page => Assert.NotNull(page.Circuit.User));

        _harness.Time.Advance(TimeSpan.FromMinutes(16));
        await Sweeper().SweepAsync(default);
        Assert.All(pages, page => Assert.Null(page.Circuit.User));
    }

    private SessionSweeper Sweeper() => ActivatorUtilities.CreateInstance<SessionSweeper>(_harness.Services);

    /// <summary>Pages of one sign-in, each its own circuit as Blazor starts it (the authentication state set from the cookie).</summary>
    private async Task<(Guid SessionId, List<(SessionRevalidatingAuthenticationStateProvider Circuit, UserInput Input)> Pages)> OpenPagesOfOneSessionAsync(int count)
    {
        var sessionId = await _harness.Services.GetRequiredService<SessionStore>().StartAsync(_user.Id, null);
        var pages = new List<(SessionRevalidatingAuthenticationStateProvider, UserInput)>();
        for (var i = 0; i < count; i++)
        {
            var scope = _harness.Services.CreateAsyncScope();
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<JusoUser>>().CreateAsync(_user);
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(JusoClaims.SessionId, sessionId.ToString()));
            var circuit = ActivatorUtilities.CreateInstance<SessionRevalidatingAuthenticationStateProvider>(scope.ServiceProvider);
            circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            pages.Add((circuit, scope.ServiceProvider.GetRequiredService<UserInput>()));
        }
        return (sessionId, pages);
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
