// Board circuits benchmark (issue 11 item 5, issue 15 items 3 and 5): N real board viewers, each a Blazor circuit in its
// own page of headless Chromium, on one portal process (Release build, embedded SQLite with the demo data). A member
// edits a role assignment through the board's dialog in one more page; every viewer's page records with Date.now() when
// its DOM shows the new text, against the commit time the server puts into the change (same machine, same clock).
//
// What each column is:
// - p50/p95/p99/max: commit → the new text in a viewer's DOM, over every viewer and edit; missing: deliveries that did
//   not arrive within 30 s.
// - heap and RSS per circuit: the portal's managed heap after a full GC and its RSS, with N boards open against none, / N.
// - CPU per edit, from the portal's CPU time (/proc) over the window from the save click until every page shows the
//   text, less the portal's idle rate over that window (so idle work is not charged to the edit):
//   "editor alone" is that window with no board open but the editor's (its save, its dialog closing, the one snapshot
//   load, its own re-render), measured after the N boards closed again, when the portal's start-up background has died
//   down; "fan-out" is the window with N boards less the editor alone, i.e. what the N viewers cost. The dialog opening
//   and the typing happen before the window.
// - idle: the portal's CPU in ms per second without input, with no board but the editor's (after the run, once it no
//   longer falls) → with the N boards open.
//
//   dotnet run -c Release --project bench/Juso.Bench.Circuits -- [boards...] [--rounds R] [--processes P] [--heap]
//   e.g. dotnet run -c Release --project bench/Juso.Bench.Circuits -- 100
//        dotnet run -c Release --project bench/Juso.Bench.Circuits -- 500 --processes 12 --rounds 10
// --processes P: at most P Chromium renderer processes for all pages (default: Chromium's own limit); many pages then
//   share a process, which 500 boards need on this machine's memory.
// --heap: also count the portal's heap by type before and after the boards open (ClrMD; suspends the portal briefly).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

var heapCensus = args.Contains("--heap");
args = args.Where(a => a != "--heap").ToArray();
int? Option(string name)
{
    var at = Array.IndexOf(args, name);
    if (at < 0)
    {
        return null;
    }
    var value = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
    args = args.Where((_, i) => i != at && i != at + 1).ToArray();
    return value;
}
var rounds = Option("--rounds") ?? 20;
var processes = Option("--processes");
var counts = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
if (counts.Count == 0)
{
    counts = [25, 50, 100];
}
if (PortalProcess.FindPortalDll() is not { } portalDll)
{
    return 1;
}

Console.WriteLine($"# Board circuits in Chromium, {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}, {rounds} edits per size"
    + (processes is { } p ? $", at most {p} renderer processes" : string.Empty));
Console.WriteLine("| boards | edits | p50 ms | p95 ms | p99 ms | max ms | missing | heap KB per circuit | RSS KB per circuit | CPU ms per edit: editor alone | CPU ms per edit: fan-out | idle CPU ms/s: no board (after) → N boards | CPU s opening | load |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
using var playwright = await Playwright.CreateAsync();
// Every board is a background tab to Chromium: keep its timers and rendering at full speed, as on a real screen.
string[] chromiumArgs = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"];
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Headless = true,
    Args = processes is { } limit ? [.. chromiumArgs, $"--renderer-process-limit={limit}"] : chromiumArgs,
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
    await using var portal = await PortalProcess.StartAsync(portalDll, "circuits", new Dictionary<string, string> { ["Diagnostics__MemoryEndpoint"] = "true" });
    var baseUrl = portal.BaseUrl;
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 720 } });
    // One sign-in for the context: every page shares the chair's cookie, and each page is its own circuit.
    var editor = await context.NewPageAsync();
    await SignInAsync(editor, "chair");
    var cookies = new CookieContainer();
    foreach (var cookie in await context.CookiesAsync())
    {
        cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
    }
    var meetingId = await StartItemWithAssignmentsAsync(baseUrl, cookies, portal.DataDirectory);
    await editor.GotoAsync($"/meetings/{meetingId}/board");
    await editor.GetByTestId("board-assignments").WaitForAsync(new() { Timeout = 60_000 });

    // The commit time of each change, as the server announces it to the board group.
    var committed = new Dictionary<int, long>();
    await using var listener = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/meeting-board", o => o.Cookies = cookies).Build();
    listener.On<JsonElement>("BoardChanged", change =>
    {
        lock (committed)
        {
            committed[change.GetProperty("version").GetInt32()] = change.GetProperty("committedAtUnixMs").GetInt64();
        }
    });
    await listener.StartAsync();
    await listener.InvokeAsync<int>("JoinBoard", meetingId);

    // The first edits compile the edit path, so that the boards are not charged for it.
    for (var r = 0; r < 5; r++)
    {
        await EditAsync(r, [], 0);
    }

    // Memory with the editor's board only, after its edits compiled and cached what every edit needs.
    await portal.SettleAsync();
    var rssBefore = portal.RssKb();
    var heapBefore = await ManagedHeapAsync(baseUrl);
    var censusBefore = heapCensus ? HeapCensus.Take(portal.Id) : null;

    var cpuBefore = portal.Cpu();
    var viewers = new IPage[boards];
    // A few pages load at once: one at a time, 500 boards would take most of an hour on this machine.
    using (var loading = new SemaphoreSlim(4))
    {
        await Task.WhenAll(Enumerable.Range(0, boards).Select(async i =>
        {
            await loading.WaitAsync();
            try
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync($"/meetings/{meetingId}/board", new() { Timeout = 300_000 });
                await page.GetByTestId("board-assignments").WaitForAsync(new() { Timeout = 300_000 });
                viewers[i] = page;
            }
            finally
            {
                loading.Release();
            }
        }));
    }
    var cpuOpening = portal.Cpu() - cpuBefore;
    await portal.SettleAsync();
    var rssAfter = portal.RssKb();
    var heapAfter = await ManagedHeapAsync(baseUrl);
    // Open boards that nobody edits: what the portal spends on them.
    var idleAfter = await SettledIdleCpuAsync(portal);

    var latencies = new List<double>();
    var missing = 0;
    var withBoards = new List<double>();
    for (var r = 0; r < rounds; r++)
    {
        var edit = await EditAsync(20 + r, viewers, idleAfter);
        missing += edit.Missing;
        latencies.AddRange(edit.Latencies);
        withBoards.Add(edit.CpuMs);
    }
    if (censusBefore is not null)
    {
        // After the edits, so that suspending the portal does not touch the measurements; the boards are still open.
        await ManagedHeapAsync(baseUrl);
        HeapCensus.Print(censusBefore, HeapCensus.Take(portal.Id), boards, 25);
    }

    // The editor alone, for the same edits with the boards closed again: what the editor's save costs without viewers.
    // Measured last, when the portal's start-up background (tiered compilation, jobs starting) has died down.
    foreach (var viewer in viewers)
    {
        await viewer.CloseAsync();
    }
    var idleAlone = await SettledIdleCpuAsync(portal);
    var editorAlone = new List<double>();
    for (var r = 0; r < Math.Min(rounds, 10); r++)
    {
        editorAlone.Add((await EditAsync(100 + r, [], idleAlone)).CpuMs);
    }
    var editorCpu = editorAlone.Average();
    latencies.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {boards} | {rounds} | {Percentile.Of(latencies, 50):0} | {Percentile.Of(latencies, 95):0} | {Percentile.Of(latencies, 99):0} | {latencies.LastOrDefault():0} | {missing} | {(heapAfter - heapBefore) / 1024.0 / boards:0} | {(rssAfter - rssBefore) / (double)boards:0} | {editorCpu:0.0} | {withBoards.Average() - editorCpu:0.0} | {idleAlone:0} → {idleAfter:0} | {cpuOpening.TotalSeconds:0.0} | {File.ReadAllText("/proc/loadavg")[..14].Trim()} |"));
    return rssAfter - rssBefore;

    // One edit of the first assignment by the editor; the CPU window runs from the save click until the editor and every
    // viewer show the new text, less the idle rate with the same boards open.
    async Task<(double CpuMs, List<double> Latencies, int Missing)> EditAsync(int round, IPage[] watching, double idleRate)
    {
        var text = $"週{round + 1}回の訪問で様子を確認する（計測{Guid.NewGuid():N}）";
        // Each viewer watches its own DOM for the new text and resolves a promise with the wall clock when it appears.
        await Task.WhenAll(watching.Select(v => v.EvaluateAsync(WatchScript, text)));
        await editor.GetByTestId("edit-assignment").First.ClickAsync();
        await editor.Locator("#board-assignment-task").FillAsync(text);
        int versionBefore;
        lock (committed)
        {
            versionBefore = committed.Count == 0 ? 0 : committed.Keys.Max();
        }
        var cpu = portal.Cpu();
        var clock = Stopwatch.StartNew();
        await editor.GetByTestId("save-board-assignment").ClickAsync();
        var seen = await Task.WhenAll(watching.Select(async v =>
        {
            try
            {
                return await v.EvaluateAsync<double?>("() => window.__seen").WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                return null;
            }
        }));
        await editor.GetByTestId("assignment-task").Filter(new() { HasText = text }).WaitForAsync(new() { Timeout = 30_000 });
        var cpuMs = (portal.Cpu() - cpu).TotalMilliseconds - clock.Elapsed.TotalSeconds * idleRate;

        long? commitAt = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (commitAt is null && DateTime.UtcNow < deadline)
        {
            lock (committed)
            {
                commitAt = committed.Where(c => c.Key > versionBefore).Select(c => (long?)c.Value).Min();
            }
            await Task.Delay(20);
        }
        return commitAt is { } at
            ? (cpuMs, seen.Where(s => s is not null).Select(s => s!.Value - at).ToList(), seen.Count(s => s is null))
            : (cpuMs, [], watching.Length);
    }
}

// The idle rate once it no longer falls: 5-second windows until one is within 20 % (or 10 ms/s) of the one before, at most a minute.
static async Task<double> SettledIdleCpuAsync(PortalProcess portal)
{
    var last = await portal.IdleCpuAsync(5);
    for (var i = 0; i < 11; i++)
    {
        var now = await portal.IdleCpuAsync(5);
        if (Math.Abs(now - last) <= Math.Max(10, last / 5))
        {
            return now;
        }
        last = now;
    }
    return last;
}

static async Task<long> ManagedHeapAsync(string baseUrl)
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    using var response = JsonDocument.Parse(await http.GetStringAsync("/diagnostics/memory"));
    return response.RootElement.GetProperty("managedBytes").GetInt64();
}
