using System.Net;
using System.Text.RegularExpressions;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Security;

/// <summary>The Hangfire dashboard at /jobs answers administrators only: an authorization filter, not an unlisted address.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class JobDashboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Dashboard_WithoutSignIn_IsChallenged_ToTheSignInPage()
    {
        using var client = Client();

        var response = await client.GetAsync("/jobs");
        var stats = await client.PostAsync("/jobs/stats", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
        Assert.NotEqual(HttpStatusCode.OK, stats.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ForASupervisor_IsForbidden_AlsoItsApi()
    {
        using var client = Client();
        await SignInAsync(client, "supervisor");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/jobs/recurring")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/jobs/recurring/trigger", new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "AlertOverdueMonitoringJob" }))).StatusCode);
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var refusals = await db.AuditEntries.Where(a => a.Action == AuditAction.AccessDenied && a.Detail == "役割による拒否: /jobs/recurring").CountAsync();
        Assert.True(refusals >= 1, "a refusal by role is audited with what was refused");
    }

    [Fact]
    public async Task Dashboard_ForAnAdministrator_ShowsTheRecurringReminderJobs()
    {
        using var client = Client();
        await SignInAsync(client, "admin");

        var response = await client.GetAsync("/jobs/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        foreach (var job in new[] { "AlertOverdueMonitoringJob", "RemindDueMonitoringJob", "MeetingReminderJob", "SendSupervisorDigestJob" })
        {
            Assert.Contains(job, html);
        }
        Assert.Contains("Asia/Tokyo", html);
    }

    [Fact]
    public async Task Dashboard_ForAnAdministrator_IsInJapanese_AndThePortalsJobsCannotBeDeleted()
    {
        using var client = Client();
        await SignInAsync(client, "admin");

        var html = await client.GetStringAsync("/jobs/recurring");
        var delete = await client.PostAsync("/jobs/recurring/remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "AlertOverdueMonitoringJob" }));
        var after = WebUtility.HtmlDecode(await client.GetStringAsync("/jobs/recurring"));

        Assert.Contains("<html lang=\"ja\"", html);
        Assert.False(delete.IsSuccessStatusCode, $"deleting a recurring job answers {(int)delete.StatusCode}");
        Assert.Contains("AlertOverdueMonitoringJob", after);
    }

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.Server.BaseUrl) };

    private static async Task SignInAsync(HttpClient client, string userName)
    {
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
            ["Input.UserName"] = userName,
            ["Input.Password"] = BrowserFixture.DemoPassword,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {userName}: {(int)response.StatusCode}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
