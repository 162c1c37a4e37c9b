using System.Net;
using System.Text.RegularExpressions;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Hosting;

/// <summary>The portal in the Production environment, as run.sh and a deployment run it, in Debian's Chromium.</summary>
public sealed partial class ProductionPipelineTests : IAsyncLifetime
{
    private const string FailingPath = "/test-only/failure";

    private PortalServer _server = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        _server = new PortalServer(environment: "Production", services: s => s.AddTransient<IStartupFilter, FailingEndpoint>());
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task SignIn_InChromiumOverHttpLocalhost_KeepsSecureHostCookies_AndIgnoresAFullWidthReturnUrl()
    {
        // run.sh's address: plain HTTP to localhost, which Chromium treats as a secure context.
        var baseUrl = _server.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "ja-JP" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/login?returnUrl=/%E3%80%80/x");
        await page.Locator("#username").FillAsync("coordinator");
        await page.Locator("#password").FillAsync(BrowserFixture.DemoPassword);
        await page.Locator("#password").PressAsync("Enter");
        await page.GetByTestId("user-name").WaitForAsync();

        Assert.Equal(baseUrl + "/", page.Url);
        var cookies = await context.CookiesAsync();
        var auth = Assert.Single(cookies, c => c.Name == "__Host-Juso.Auth");
        var antiforgery = Assert.Single(cookies, c => c.Name == "__Host-Juso.Antiforgery");
        Assert.All(new[] { auth, antiforgery }, c =>
        {
            Assert.True(c.Secure);
            Assert.True(c.HttpOnly);
            Assert.Equal(SameSiteAttribute.Strict, c.SameSite);
            Assert.Equal("/", c.Path);
        });
        Assert.DoesNotContain(cookies, c => c.Name.StartsWith("Juso.", StringComparison.Ordinal));
        await context.CloseAsync();
    }

    [Fact]
    public async Task FailingRequest_InProduction_ShowsTheJapaneseErrorPageWithoutAStackTrace()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };

        var response = await client.GetAsync(FailingPath);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("エラーが発生しました", html);
        Assert.DoesNotContain(nameof(FailingEndpoint), html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("   at ", html);
    }

    [Fact]
    public async Task StaticAssets_InProduction_ServeMudBlazorAndTheFrameworkScript()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        var html = await client.GetStringAsync("/account/login");

        var assets = Asset().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(assets, a => a.StartsWith("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("_framework/blazor.web.", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var response = await client.GetAsync("/" + asset.TrimStart('/'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+\\.(?:css|js))\"")]
    private static partial Regex Asset();

    /// <summary>
    /// An anonymous endpoint that throws, chosen before the portal's pipeline (routing keeps an endpoint already set), so
    /// that it runs inside the portal's exception handler like any page would.
    /// </summary>
    private sealed class FailingEndpoint : IStartupFilter
    {
        private static readonly Endpoint Failing = new(
            _ => throw new InvalidOperationException(nameof(FailingEndpoint)),
            new EndpointMetadataCollection(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute()),
            nameof(FailingEndpoint));

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate rest) =>
            {
                if (context.Request.Path == FailingPath)
                {
                    context.SetEndpoint(Failing);
                }
                return rest(context);
            });
            next(app);
        };
    }
}
