using System.Net;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Security;

/// <summary>
/// Issue 10, item 5: a refusal by role (an /admin page, /jobs, the board hub) is audited like a refusal by case: an
/// AccessDenied row with the user and what was refused.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleRefusalAuditTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AdminPage_AddressedDirectly_ByAnAgencyMember_IsRefused_AndAudited()
    {
        var cookies = await BoardHubClient.SignInAsync(fixture.Server.BaseUrl, "member.east");
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.Server.BaseUrl) };

        var response = await client.GetAsync("/admin/users");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await AuditedAsync("member.east", "役割による拒否: /admin/users"));
    }

    [Fact]
    public async Task AdminPage_ReachedInsideTheApp_ByAnAgencyMember_ShowsTheRefusal_AndIsAudited()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "member.east");
        await page.Locator("h1").First.WaitForAsync();

        // The router handles this navigation in the circuit: no request reaches the authorization middleware.
        await page.EvaluateAsync("() => Blazor.navigateTo('/admin/audit')");
        await page.GetByText("このページを表示する権限がありません").WaitForAsync();

        Assert.True(await AuditedAsync("member.east", "役割による拒否: /admin/audit"));
        await fixture.ClosePagesAsync();
    }

    [Fact]
    public async Task BoardHub_ForTheAdministrator_IsRefusedByRole_AndAudited()
    {
        // The negotiation is refused (sent to the access-denied page): the connection never starts.
        await Assert.ThrowsAsync<HttpRequestException>(() => BoardHubClient.ConnectAsync(fixture.Server, "admin"));

        Assert.True(await AuditedAsync("admin", $"役割による拒否: {MeetingBoardHub.Path}/negotiate"));
    }

    /// <summary>Whether the user's refusal was audited, polled for a while: the row is written as the refusal is answered.</summary>
    private async Task<bool> AuditedAsync(string userName, string detail)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        while (true)
        {
            if (await db.AuditEntries.AnyAsync(a => a.UserId == userId && a.Action == AuditAction.AccessDenied && a.Detail == detail))
            {
                return true;
            }
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(100);
        }
    }
}
