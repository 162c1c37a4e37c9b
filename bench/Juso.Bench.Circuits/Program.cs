// Board circuits benchmark (issue 11, item 5): N real board viewers, each a Blazor circuit in its own page of one
// headless Chromium, on one portal process (Release build, embedded SQLite with the demo data). A member edits a role
// assignment through the board's dialog in one more page; every viewer's page records with Date.now() when its DOM shows
// the new text, against the commit time the server puts into the change (same machine, same clock). Also the portal's
// memory per circuit (RSS delta / N, and the managed heap after a full GC / N), its CPU time while the boards open, while
// they stand open with nobody editing, and per edit.
//
//   dotnet run -c Release --project bench/Juso.Bench.Circuits -- [boards...] [--rounds R] [--heap]
//   e.g. dotnet run -c Release --project bench/Juso.Bench.Circuits -- 25 50 100 200
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

// --heap: also count the portal's heap by type before and after the boards open (ClrMD; suspends the portal briefly).
var heapCensus = args.Contains("--heap");
args = args.Where(a => a != "--heap").ToArray();
var roundsAt = Array.IndexOf(args, "--rounds");
var rounds = roundsAt >= 0 ? int.Parse(args[roundsAt + 1], CultureInfo.InvariantCulture) : 20;
var counts = args.Where((a, i) => roundsAt < 0 || (i != roundsAt && i != roundsAt + 1)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
if (counts.Count == 0)
{
    counts = [25, 50, 100];
}

var root = FindRoot();
var portalDll = Path.Combine(root, "Juso.Portal", "bin", "Release", "net10.0", "Juso.Portal.dll");
if (!File.Exists(portalDll))
{
    Console.Error.WriteLine($"Build the portal first: dotnet build -c Release ({portalDll} is missing)");
    return 1;
}

Console.WriteLine($"# Board circuits in Chromium, {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}, {rounds} edits per run");
Console.WriteLine("| boards | edits | seen | missing | p50 ms | p95 ms | p99 ms | max ms | RSS before MB | RSS after MB | RSS KB per circuit | heap KB per circuit | CPU s opening | idle CPU ms/s (no board → N boards) | CPU ms per edit | load |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Headless = true,
    // Every board is a background tab to Chromium: keep its timers and rendering at full speed, as on a real screen.
    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
});
// RSS growth per run, to estimate the memory of one more circuit from the slope between runs (each run starts a fresh
// portal, so the slope leaves out what the first circuits warm up once).
var growth = new List<(int Boards, long Kb)>();
foreach (var n in counts)
{
    growth.Add((n, await RunAsync(browser, n)));
}
foreach (var (low, high) in growth.Zip(growth.Skip(1)).Where(p => p.Second.Boards > p.First.Boards))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Marginal memory from {low.Boards} to {high.Boards} boards: {(high.Kb - low.Kb) / (double)(high.Boards - low.Boards):0} KB per circuit."));
}
return 0;

async Task<long> RunAsync(IBrowser browser, int boards)
{
    var data = Path.Combine(Path.GetTempPath(), "juso-bench-circuits-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(data);
    var baseUrl = $"http://127.0.0.1:{FreePort()}";
    var start = new ProcessStartInfo("dotnet", $"\"{portalDll}\"")
    {
        WorkingDirectory = Path.GetDirectoryName(portalDll)!,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    start.Environment["ASPNETCORE_URLS"] = baseUrl;
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
    start.Environment["Storage__DataDirectory"] = data;
    start.Environment["Database__SeedDemoData"] = "true";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["Diagnostics__MemoryEndpoint"] = "true";
    using var portal = Process.Start(start)!;
    portal.OutputDataReceived += (_, _) => { };
    portal.ErrorDataReceived += (_, _) => { };
    portal.BeginOutputReadLine();
    portal.BeginErrorReadLine();
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 720 } });
    HubConnection? listener = null;
    try
    {
        await WaitForHealthAsync(baseUrl);
        // One sign-in for the context: every page shares the chair's cookie, and each page is its own circuit.
        var editor = await context.NewPageAsync();
        await SignInAsync(editor, "chair");
        var cookies = new CookieContainer();
        foreach (var cookie in await context.CookiesAsync())
        {
            cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }
        var meetingId = await StartItemWithAssignmentsAsync(baseUrl, cookies, data);
        await editor.GotoAsync($"/meetings/{meetingId}/board");
        await editor.GetByTestId("board-assignments").WaitForAsync(new() { Timeout = 60_000 });

        // The commit time of each change, as the server announces it to the board group.
        var committed = new Dictionary<int, long>();
        listener = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/meeting-board", o => o.Cookies = cookies).Build();
        listener.On<JsonElement>("BoardChanged", change =>
        {
            lock (committed)
            {
                committed[change.GetProperty("version").GetInt32()] = change.GetProperty("committedAtUnixMs").GetInt64();
            }
        });
        await listener.StartAsync();
        await listener.InvokeAsync<int>("JoinBoard", meetingId);

        await Settle(portal.Id);
        var rssBefore = Rss(portal.Id);
        var heapBefore = await ManagedHeapAsync(baseUrl);
        var censusBefore = heapCensus ? HeapCensus.Take(portal.Id) : null;
        // The portal's own background (jobs, GC) with no board open, to read the idle figure below against.
        var idleBefore = await IdleCpuAsync(portal);
        var cpuBefore = Cpu(portal);
        var viewers = new List<IPage>();
        for (var i = 0; i < boards; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/meetings/{meetingId}/board");
            await page.GetByTestId("board-assignments").WaitForAsync(new() { Timeout = 120_000 });
            viewers.Add(page);
        }
        var cpuOpening = Cpu(portal) - cpuBefore;
        await Settle(portal.Id);
        var rssAfter = Rss(portal.Id);
        var heapAfter = await ManagedHeapAsync(baseUrl);
        // Open boards that nobody edits: what the portal spends on them (it used to redraw every timer each second).
        var idlePerSecond = await IdleCpuAsync(portal);

        var latencies = new List<double>();
        var missing = 0;
        var cpuEdits = Cpu(portal);
        for (var r = 0; r < rounds; r++)
        {
            var text = $"週{r + 1}回の訪問で様子を確認する（計測{Guid.NewGuid():N}）";
            // Each viewer watches its own DOM for the new text and notes the wall clock when it appears.
            await Task.WhenAll(viewers.Select(v => v.EvaluateAsync(WatchScript, text)));
            await editor.GetByTestId("edit-assignment").First.ClickAsync();
            await editor.Locator("#board-assignment-task").FillAsync(text);
            int versionBefore;
            lock (committed)
            {
                versionBefore = committed.Count == 0 ? 0 : committed.Keys.Max();
            }
            await editor.GetByTestId("save-board-assignment").ClickAsync();
            await editor.GetByTestId("assignment-task").Filter(new() { HasText = text }).WaitForAsync(new() { Timeout = 30_000 });

            var deadline = DateTime.UtcNow.AddSeconds(30);
            long? commitAt = null;
            var seen = new double?[viewers.Count];
            while (DateTime.UtcNow < deadline && (commitAt is null || seen.Any(s => s is null)))
            {
                lock (committed)
                {
                    commitAt ??= committed.Where(c => c.Key > versionBefore).Select(c => (long?)c.Value).Min();
                }
                for (var i = 0; i < viewers.Count; i++)
                {
                    seen[i] ??= await viewers[i].EvaluateAsync<double?>("() => window.__seenAt ?? null");
                }
                await Task.Delay(20);
            }
            missing += seen.Count(s => s is null) + (commitAt is null ? viewers.Count : 0);
            if (commitAt is { } at)
            {
                latencies.AddRange(seen.Where(s => s is not null).Select(s => s!.Value - at));
            }
        }
        var cpuPerEdit = (Cpu(portal) - cpuEdits).TotalMilliseconds / rounds;
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {boards} | {rounds} | {latencies.Count} | {missing} | {P(latencies, 50):0} | {P(latencies, 95):0} | {P(latencies, 99):0} | {latencies.LastOrDefault():0} | {rssBefore / 1024.0:0} | {rssAfter / 1024.0:0} | {(rssAfter - rssBefore) / (double)boards:0} | {(heapAfter - heapBefore) / 1024.0 / boards:0} | {cpuOpening.TotalSeconds:0.0} | {idleBefore:0} → {idlePerSecond:0} | {cpuPerEdit:0} | {File.ReadAllText("/proc/loadavg")[..14].Trim()} |"));
        if (censusBefore is not null)
        {
            // After the edits, so that suspending the portal does not touch the measurements; the boards are still open.
            await ManagedHeapAsync(baseUrl);
            HeapCensus.Print(censusBefore, HeapCensus.Take(portal.Id), boards, 25);
        }
        return rssAfter - rssBefore;
    }
    finally
    {
        if (listener is not null)
        {
            await listener.DisposeAsync();
        }
        portal.Kill(entireProcessTree: true);
        await portal.WaitForExitAsync();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

// The portal's CPU time over 10 s in which nobody does anything, in ms per second.
static async Task<double> IdleCpuAsync(Process portal)
{
    var before = Cpu(portal);
    await Task.Delay(TimeSpan.FromSeconds(10));
    return (Cpu(portal) - before).TotalMilliseconds / 10;
}

static async Task<long> ManagedHeapAsync(string baseUrl)
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    using var response = JsonDocument.Parse(await http.GetStringAsync("/diagnostics/memory"));
    return response.RootElement.GetProperty("managedBytes").GetInt64();
}

static double P(List<double> sorted, int percentile) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

static long Rss(int pid) =>
    File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Select(l => long.Parse(Regex.Match(l, @"\d+").Value, CultureInfo.InvariantCulture)).First();

static TimeSpan Cpu(Process process)
{
    process.Refresh();
    return process.TotalProcessorTime;
}

// Lets the portal finish what the last pages started (renders, GC) before its memory is read: two seconds without
// a change of more than 1 % in RSS, at most 20 seconds.
static async Task Settle(int pid)
{
    var deadline = DateTime.UtcNow.AddSeconds(20);
    var last = Rss(pid);
    var stableSince = DateTime.UtcNow;
    while (DateTime.UtcNow < deadline && DateTime.UtcNow - stableSince < TimeSpan.FromSeconds(2))
    {
        await Task.Delay(250);
        var now = Rss(pid);
        if (Math.Abs(now - last) > last / 100)
        {
            stableSince = DateTime.UtcNow;
        }
        last = now;
    }
}

static async Task SignInAsync(IPage page, string user)
{
    await page.GotoAsync("/account/login");
    await page.Locator("#username").FillAsync(user);
    await page.Locator("#password").FillAsync("hibarino-demo-2026");
    await page.Locator("#password").PressAsync("Enter");
    await page.GetByTestId("user-name").WaitForAsync(new() { Timeout = 60_000 });
}

// The demo meeting the chair runs whose agenda has a case with role assignments (read from the portal's own database:
// the hub's public contract carries no plans); that item is started over the hub, so that every board shows them.
static async Task<int> StartItemWithAssignmentsAsync(string baseUrl, CookieContainer cookies, string data)
{
    int meetingId, itemId;
    using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "juso.db")};Mode=ReadOnly;Pooling=False"))
    {
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = """
            SELECT a.MeetingId, a.Id FROM AgendaItem a JOIN Meetings m ON m.Id = a.MeetingId JOIN Cases c ON c.Id = a.SupportCaseId
            WHERE m.ChairUserId = (SELECT Id FROM AspNetUsers WHERE UserName = 'chair') AND m.MinutesApprovedAt IS NULL
              AND m.Kind = 'MultiLayered' AND c.CurrentConsent = 'Obtained'
              AND EXISTS (SELECT 1 FROM Plans p JOIN RoleAssignments r ON r.SupportPlanId = p.Id WHERE p.SupportCaseId = a.SupportCaseId)
            ORDER BY m.ScheduledAt, a."Order" LIMIT 1
            """;
        using var reader = query.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException("no demo meeting with role assignments that the chair runs");
        }
        (meetingId, itemId) = (reader.GetInt32(0), reader.GetInt32(1));
    }
    await using var connection = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/meeting-board", o => o.Cookies = cookies).Build();
    await connection.StartAsync();
    await connection.InvokeAsync<int>("JoinBoard", meetingId);
    await connection.InvokeAsync("StartItem", meetingId, itemId);
    return meetingId;
}

static async Task WaitForHealthAsync(string baseUrl)
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    var deadline = DateTime.UtcNow.AddSeconds(300);
    while (true)
    {
        try
        {
            if ((await http.GetAsync("/health")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException) when (DateTime.UtcNow < deadline)
        {
        }
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException("the portal did not become healthy within 300 s (a shared machine starts it slowly)");
        }
        await Task.Delay(200);
    }
}

static int FreePort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Juso.sln")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? throw new InvalidOperationException("Juso.sln not found above " + AppContext.BaseDirectory);
}

internal static partial class Program
{
    // Resolves at once if the text is already shown; otherwise a MutationObserver notes Date.now() when it appears.
    private const string WatchScript = """
        text => {
            window.__seenAt = null;
            const shows = () => [...document.querySelectorAll('[data-testid=assignment-task]')].some(e => e.textContent.includes(text));
            if (shows()) { window.__seenAt = Date.now(); return; }
            const observer = new MutationObserver(() => {
                if (shows()) { window.__seenAt = Date.now(); observer.disconnect(); }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;
}
