using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

/// <summary>The app as its own process (this executable with `serve`), its /proc measures and the updates the driver sends it.</summary>
internal sealed class FloorApp : IAsyncDisposable
{
    // Resolves at once if the text is already shown; otherwise a MutationObserver resolves with Date.now() when it appears.
    private const string WatchScript = """
        text => {
            window.__seen = new Promise(resolve => {
                const shows = () => document.getElementById('live')?.textContent === text;
                if (shows()) { resolve(Date.now()); return; }
                const observer = new MutationObserver(() => {
                    if (shows()) { observer.disconnect(); resolve(Date.now()); }
                });
                observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            });
        }
        """;

    private readonly Process _process;
    private readonly HttpClient _http;
    private int _round;

    private FloorApp(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public string BaseUrl { get; }

    public static async Task<FloorApp> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", $"\"{typeof(FloorApp).Assembly.Location}\" serve")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        // Development, as the circuits bench runs the portal (and it serves the framework's scripts from the build output).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new FloorApp(process, baseUrl);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                if ((await app._http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>N pages of <paramref name="path"/>, each its own circuit, once each is interactive and shows the text.</summary>
    public static async Task<IPage[]> OpenAsync(IBrowserContext context, string path, int count)
    {
        var pages = new IPage[count];
        using var loading = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await loading.WaitAsync();
            try
            {
                var page = await context.NewPageAsync();
                page.Console += (_, m) => { if (m.Type is "error" or "warning") Console.Error.WriteLine($"page: {m.Text}"); };
                await page.GotoAsync(path, new() { Timeout = 300_000 });
                // Nothing is prerendered: the text appears once the circuit has rendered the page.
                await page.Locator("#live").WaitForAsync(new() { Timeout = 300_000 });
                pages[i] = page;
            }
            finally
            {
                loading.Release();
            }
        }));
        return pages;
    }

    /// <summary>One update: the app's CPU over the window from the broadcast request until every page shows the text.</summary>
    public async Task<(double CpuMs, double Seconds, List<double> Latencies, int Missing)> UpdateAsync(IPage[] pages)
    {
        var text = $"更新 {++_round} {Guid.NewGuid():N}";
        await Task.WhenAll(pages.Select(p => p.EvaluateAsync(WatchScript, text)));
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        using var response = await _http.PostAsync($"/broadcast?text={Uri.EscapeDataString(text)}", null);
        var at = long.Parse(await response.Content.ReadAsStringAsync(), CultureInfo.InvariantCulture);
        var seen = await Task.WhenAll(pages.Select(async p =>
        {
            try
            {
                return await p.EvaluateAsync<double?>("() => window.__seen").WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                return null;
            }
        }));
        var cpuMs = (Cpu() - cpu).TotalMilliseconds;
        return (cpuMs, clock.Elapsed.TotalSeconds, seen.Where(s => s is not null).Select(s => s!.Value - at).ToList(), seen.Count(s => s is null));
    }

    public long RssKb() => ProcessMeasures.RssKb(_process);

    private TimeSpan Cpu() => ProcessMeasures.Cpu(_process);

    /// <summary>Idle CPU in ms/s over 3-second windows until one is within 20 % (or 2 ms/s) of the one before, at most 18 seconds.</summary>
    public async Task<double> SettledIdleAsync()
    {
        async Task<double> Window()
        {
            var before = Cpu();
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(3));
            return (Cpu() - before).TotalMilliseconds / clock.Elapsed.TotalSeconds;
        }
        var last = await Window();
        for (var i = 0; i < 5; i++)
        {
            var now = await Window();
            if (Math.Abs(now - last) <= Math.Max(2, last / 5))
            {
                return now;
            }
            last = now;
        }
        return last;
    }

    /// <summary>Lets the app finish what the last updates started before its memory is read.</summary>
    public Task SettleAsync() => ProcessMeasures.SettleAsync(_process);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
