using Juso.Portal.Features.Account;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Juso.Tests.Support;

/// <summary>
/// A portal whose directory sign-in is configured against <see cref="TestOpenIdProvider"/> over loopback HTTP,
/// and one headless Chromium, for the directory tests. Separate from the shared portal, whose sign-in page shows
/// local accounts only, as the embedded defaults do.
/// </summary>
public sealed class DirectoryFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public TestOpenIdProvider Provider { get; private set; } = default!;

    public PortalServer Server { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // The portal's port is known only once it runs, after the provider it needs at start.
        Provider = await TestOpenIdProvider.StartAsync(() => Server.BaseUrl + "/signin-oidc");
        Server = new PortalServer(settings: new Dictionary<string, string?>
        {
            ["Authentication:OpenIdConnect:Authority"] = Provider.Authority,
            ["Authentication:OpenIdConnect:ClientId"] = TestOpenIdProvider.ClientId,
            ["Authentication:OpenIdConnect:ClientSecret"] = TestOpenIdProvider.ClientSecret,
            ["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false",
        });
        // Read the provider's metadata and keys once now, as a portal running for a while has: a cold start of both
        // on a busy machine would otherwise eat the first test's time limit.
        var oidc = Server.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(DirectoryOptions.Scheme);
        await oidc.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A browser profile of its own; the test disposes it, which closes its pages and their circuits.</summary>
    public Task<IBrowserContext> NewContextAsync() => BrowserFixture.NewContextAsync(Browser, Server.BaseUrl);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Server?.Dispose();
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DirectoryCollection : ICollectionFixture<DirectoryFixture>
{
    public const string Name = "Directory";
}
