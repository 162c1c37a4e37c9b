using Microsoft.Playwright;

namespace Juso.Tests.Support;

/// <summary>One portal and one headless Debian Chromium for a collection of browser tests (no browser download).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DemoPassword = Juso.Portal.Hosting.DemoDataSeeder.DemoPassword;

    private IPlaywright? _playwright;
    private readonly List<IBrowserContext> _contexts = [];

    public PortalServer Server { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where to save screenshots of the pages (JUSO_SCREENSHOTS=folder), or null.</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("JUSO_SCREENSHOTS");

    public async Task InitializeAsync()
    {
        Server = new PortalServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's headless Chromium, as every browser test runs it.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

    /// <summary>A fresh browser profile (no cookies) in Japanese, on Tokyo time, addressed relative to the portal.</summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string baseUrl, int width = 1366, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await NewContextAsync(Browser, Server.BaseUrl, width, height);
        lock (_contexts)
        {
            _contexts.Add(context);
        }
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the real form, by keyboard only, and waits for the interactive portal.</summary>
    public static async Task SignInAsync(IPage page, string userName, string? returnPath = null)
    {
        await page.GotoAsync(returnPath is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnPath)}");
        await page.Locator("#username").FocusAsync();
        await page.Keyboard.TypeAsync(userName);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("user-name").WaitForAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    /// <summary>Closes every page opened so far (the collection runs its tests one at a time).</summary>
    public async Task ClosePagesAsync()
    {
        IBrowserContext[] open;
        lock (_contexts)
        {
            open = [.. _contexts];
            _contexts.Clear();
        }
        foreach (var context in open)
        {
            await context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Server?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
