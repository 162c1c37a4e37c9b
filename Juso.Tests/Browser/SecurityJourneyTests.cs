using Juso.Domain.Agencies;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

public sealed class SecurityJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task DisabledUser_OpenPage_IsSignedOutWithinTheRevalidationInterval()
    {
        var member = await NewPageAsync();
        await BrowserFixture.SignInAsync(member, "member.children", "/cases");
        await member.GetByTestId("case-table").WaitForAsync();
        try
        {
            var admin = await NewPageAsync();
            await BrowserFixture.SignInAsync(admin, "admin", "/admin/users");
            await admin.GetByTestId("toggle-member.children").ClickAsync();
            await admin.GetByTestId("user-table").Locator("tr", new() { HasText = "member.children" }).GetByText("無効", new() { Exact = true }).WaitForAsync();

            // Revalidation runs every 2 s in tests (1 min in production); the deadline allows for a busy CI machine.
            await member.WaitForURLAsync(url => url.Contains("/account/login"), new() { Timeout = 30_000 });
            await member.GotoAsync("/cases");
            Assert.Contains("/account/login", member.Url);
        }
        finally
        {
            // Other tests sign in as this member: give the account back even when this one failed.
            await SetActiveAsync("member.children", true);
        }
    }

    [Fact]
    public async Task DisabledWhileThePageWasCutOff_ThePageGoesToSignInWhenTheNetworkReturns()
    {
        var member = await NewPageAsync();
        // The test stands between the page and the server, so it can cut the network as a dropped Wi-Fi would.
        var cut = false;
        IWebSocketRoute? circuit = null;
        await member.RouteAsync("**/*", route => cut ? route.AbortAsync("internetdisconnected") : route.ContinueAsync());
        await member.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            if (cut)
            {
                _ = socket.CloseAsync();
                return;
            }
            circuit = socket;
            socket.ConnectToServer();
        });
        await BrowserFixture.SignInAsync(member, "member.children", "/cases");
        await member.GetByTestId("case-table").WaitForAsync();
        try
        {
            cut = true;
            await circuit!.CloseAsync();
            var dialog = member.Locator("#components-reconnect-modal");
            await dialog.GetByText("サーバーとの接続が切れました").WaitForAsync();
            await AccessibilityTests.AssertAccessibleAsync(member, "reconnect-dialog");

            await SetActiveAsync("member.children", false);
            cut = false;

            // Every reconnect is refused now; the page asks whether its session still exists and goes to sign-in.
            await member.WaitForURLAsync(url => url.Contains("/account/login"), new() { Timeout = 30_000 });
            Assert.Contains("returnUrl=%2Fcases", member.Url);
        }
        finally
        {
            await SetActiveAsync("member.children", true);
        }
    }

    [Fact]
    public async Task AgencyMember_OpeningAnotherAgencysCaseByUrl_GetsTheNotFoundPage()
    {
        var foreignCase = await CaseNotInvolvingAsync("東部地域包括支援センター");
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "member.east");

        await page.GotoAsync($"/cases/{foreignCase.CaseId}");

        await page.GetByText("ページが見つかりません").WaitForAsync();
        Assert.DoesNotContain(foreignCase.Number, await page.ContentAsync());
        await page.GotoAsync($"/households/{foreignCase.HouseholdId}");
        await page.GetByText("ページが見つかりません").WaitForAsync();
    }

    private async Task<(int CaseId, int HouseholdId, string Number)> CaseNotInvolvingAsync(string agencyName)
    {
        await using var db = await Db();
        var agencyId = await db.Agencies.Where(a => a.Name == agencyName).Select(a => a.Id).SingleAsync();
        var supportCase = await db.Cases.Where(c => !c.Agencies.Any(a => a.AgencyId == agencyId)).OrderBy(c => c.Id).FirstAsync();
        return (supportCase.Id, supportCase.HouseholdId, supportCase.Number);
    }

    /// <summary>What the administrator's switch does (the first test drives the real switch): active flag, new stamp, sessions ended.</summary>
    private async Task SetActiveAsync(string userName, bool active)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        if (user.IsActive == active)
        {
            return;
        }
        user.IsActive = active;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        if (!active)
        {
            await scope.ServiceProvider.GetRequiredService<SessionStore>().EndAllAsync(user.Id, "Disabled");
        }
    }

    private Task<JusoDbContext> Db() =>
        Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
}
