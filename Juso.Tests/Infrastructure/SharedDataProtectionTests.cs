using System.Net;
using System.Text.RegularExpressions;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Juso.Tests.Infrastructure;

/// <summary>Two portal instances over one database share the data-protection keys there: no sticky session needed for a cookie.</summary>
public sealed partial class SharedDataProtectionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "juso-tests", "keys-" + Guid.NewGuid().ToString("N"));
    private readonly PortalServer _a;
    private readonly PortalServer _b;

    public SharedDataProtectionTests()
    {
        _a = new PortalServer(_directory);
        _b = new PortalServer(_directory);
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    [Fact]
    public async Task SignIn_FormFromAPostedToB_TheCookieCountsOnBothInstances_WithTheKeysInTheDatabase()
    {
        // Cookies are per host, not per port: one container is one browser talking to both instances.
        var cookies = new CookieContainer();
        using var onA = Client(_a, cookies);
        using var onB = Client(_b, cookies);

        var form = await onA.GetStringAsync("/account/login");
        var signIn = await onB.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
            ["Input.UserName"] = "coordinator",
            ["Input.Password"] = BrowserFixture.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await onA.GetAsync(Juso.Portal.Features.Account.AccountEndpoints.SessionPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await onB.GetAsync(Juso.Portal.Features.Account.AccountEndpoints.SessionPath)).StatusCode);
        await using var db = await _a.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        Assert.All(new[] { _a, _b }, server => Assert.IsType<EntityFrameworkCoreXmlRepository<JusoDbContext>>(
            server.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository));
    }

    private static HttpClient Client(PortalServer server, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(server.BaseUrl) };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
