// Circuit floor benchmark: the cheapest Blazor Server update this machine can do, to tell how far the board (ADR 0032)
// is from what one circuit per viewer allows at all. The same executable is the app (`serve`) and the driver: the
// driver starts the app as its own process (so that its CPU time and RSS are read alone from /proc), opens N pages
// in headless Chromium and has a singleton broadcaster change one text R times; each page records with Date.now()
// when its DOM shows the text, against the broadcast time the app returns (same machine, same clock).
//
// Pages (--page):
// - small:   the page is one text that changes.
// - big:     a board-sized DOM (--rows rows of a label, a text and a button) that never re-renders, plus the text in
//            its own component: the floor for per-part updates.
// - bigfull: the same DOM, but the page itself follows the text, so every update re-renders and diffs the whole page.
//
// Columns: p50/p95/p99/max broadcast → DOM over every page and update; RSS KB per circuit (N pages open against none,
// settled); CPU ms per update: "raw window" is the app's CPU from the broadcast request until every page shows the
// text; "fan-out" is that less the idle rate (read after the updates) over the window, less the same window with no
// page open ("alone"); idle ms/s with the N pages open, after the updates.
//
//   dotnet run -c Release --project bench/Juso.Bench.CircuitFloor -- [pages...] [--page small|big|bigfull] [--rows 150] [--rounds 20]
using System.Globalization;
using Microsoft.Playwright;

if (args.FirstOrDefault() == "serve")
{
    var builder = WebApplication.CreateBuilder(args.Skip(1).ToArray());
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddRazorComponents().AddInteractiveServerComponents();
    builder.Services.AddSingleton<Broadcaster>();
    var app = builder.Build();
    app.UseAntiforgery();
    app.MapStaticAssets();
    app.MapRazorComponents<Juso.Bench.CircuitFloor.Components.App>().AddInteractiveServerRenderMode();
    app.MapPost("/broadcast", (string text, Broadcaster broadcaster) => broadcaster.Publish(text));
    app.MapGet("/health", () => "ok");
    await app.RunAsync();
    return 0;
}

string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    if (at < 0)
    {
        return fallback;
    }
    var value = args[at + 1];
    args = args.Where((_, i) => i != at && i != at + 1).ToArray();
    return value;
}
var pageKind = Option("--page", "small");
var rows = int.Parse(Option("--rows", "150"), CultureInfo.InvariantCulture);
var rounds = int.Parse(Option("--rounds", "20"), CultureInfo.InvariantCulture);
var counts = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(25).ToList();

Console.WriteLine($"# Circuit floor, page {pageKind}" + (pageKind == "small" ? string.Empty : $" ({rows} rows)")
    + $", {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}, {rounds} updates per size");
Console.WriteLine("""
    | pages | DOM elements | updates | p50 ms | p95 ms | p99 ms | max ms | missing | RSS KB per circuit | CPU ms per update: alone | CPU ms per update: raw window | CPU ms per update: fan-out | idle ms/s (after) | load |
    |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
    """);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
});
foreach (var n in counts)
{
    await using var app = await FloorApp.StartAsync();
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
    var path = $"/{pageKind}?rows={rows}";

    // Warm the update path with one page, then the window with no page open: what the broadcast request costs alone.
    var warm = await FloorApp.OpenAsync(context, path, 1);
    for (var r = 0; r < 5; r++)
    {
        await app.UpdateAsync(warm);
    }
    await warm[0].CloseAsync();
    await app.SettleAsync();
    var idleAlone = await app.SettledIdleAsync();
    var alone = new List<double>();
    for (var r = 0; r < 10; r++)
    {
        var update = await app.UpdateAsync([]);
        alone.Add(update.CpuMs - update.Seconds * idleAlone);
    }

    Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} alone {alone.Average():0.0} ms; opening {n} pages");
    var rssBefore = app.RssKb();
    var pages = await FloorApp.OpenAsync(context, path, n);
    await app.SettleAsync();
    var rssAfter = app.RssKb();
    var elements = await pages[0].EvaluateAsync<int>("() => document.getElementsByTagName('*').length");
    var latencies = new List<double>();
    var windows = new List<(double CpuMs, double Seconds)>();
    var missing = 0;
    for (var r = 0; r < rounds; r++)
    {
        var update = await app.UpdateAsync(pages);
        latencies.AddRange(update.Latencies);
        missing += update.Missing;
        windows.Add((update.CpuMs, update.Seconds));
    }
    // The idle rate after the updates, when what opening N pages set off (compiling, collecting) has died down; read
    // right after the opening it still held that work and over-corrected the windows.
    var idle = await app.SettledIdleAsync();
    latencies.Sort();
    double P(int p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100.0 * latencies.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {n} | {elements} | {rounds} | {P(50):0} | {P(95):0} | {P(99):0} | {latencies.LastOrDefault():0} | {missing} | {(rssAfter - rssBefore) / (double)n:0} | {alone.Average():0.0} | {windows.Average(w => w.CpuMs):0.0} | {windows.Average(w => w.CpuMs - w.Seconds * idle) - alone.Average():0.0} | {idle:0.0} | {File.ReadAllText("/proc/loadavg")[..14].Trim()} |"));
}
return 0;
