// Board circuits benchmark (issue 11 item 5, issue 15 items 3 and 5): N real board viewers, each a Blazor circuit in its
// own page of headless Chromium, on one portal process (Release build, embedded SQLite with the demo data). A member
// edits a role assignment through the board's dialog in one more page; every viewer's page records with Date.now() when
// its DOM shows the new text, against the commit time the server puts into the change (same machine, same clock).
//
// What each column is:
// - p50/p95/p99/max: commit → the new text in a viewer's DOM, over every viewer and edit; missing: deliveries that did
//   not arrive within 30 s.
// - heap and RSS per circuit: the portal's managed heap after a full GC and its RSS, with N boards open against none, / N.
//   The RSS leaves out the runtime's executable memory (JIT code, compiled once per process however many boards open);
//   stderr gives the growth by kind of mapping (/proc/PID/smaps) and the RSS and GC-committed growth after a full GC.
// - CPU per edit, from the portal's CPU time (/proc) over the window from the save click until every page shows the
//   text, less the portal's idle rate over that window (so idle work is not charged to the edit):
//   "editor alone" is that window with no board open but the editor's (its save, its dialog closing, the one snapshot
//   load, its own re-render), measured after the N boards closed again, when the portal's start-up background has died
//   down; "fan-out" is the window with N boards less the editor alone, i.e. what the N viewers cost. The dialog opening
//   and the typing happen before the window.
// - browsers' CPU per edit (idle ms/s): all of the bench's Chromium processes (/proc) over each edit's window, less
//   their idle rate with the boards open and less the bench's own question to every page for its time; in brackets that
//   idle rate. The viewers' times are asked for only after the editor's page shows the text, so that 100 round trips do
//   not compete with the pages rendering the change.
// - idle: the portal's CPU in ms per second without input, once it no longer falls: with no board but the editor's
//   (after the run) → with the N boards open (after the edits, when what opening them set off has died down).
//
//   dotnet run -c Release --project bench/Juso.Bench.Circuits -- [boards...] [--rounds R] [--warmup W] [--processes P] [--heap] [--protocol] [--trace FILE]
//   e.g. dotnet run -c Release --project bench/Juso.Bench.Circuits -- 100
//        dotnet run -c Release --project bench/Juso.Bench.Circuits -- 10 25 50 100 500 --protocol
// --protocol: the viewers are .NET clients of Blazor's circuit hub (ProtocolViewer) instead of Chromium pages: the same
//   circuits and render batches on the portal, at a small fraction of a browser's CPU and memory, so that 500 boards fit
//   on this machine. "Shown" is then the arrival of the render batch that carries the text. The editor is Chromium.
// --processes P: at most P Chromium renderer processes for all pages (default: Chromium's own limit); many pages then
//   share a process, which 500 boards need on this machine's memory.
// --warmup W: W edits with the boards open before the R counted ones (default 0), so that the per-viewer code runs at
//   its final JIT tier, as on a portal that has served for a while; the editor's own path is warmed by 5 edits always.
// --trace FILE: after the measurements, a Chrome trace of 5 s idle and one edit to FILE.N.json (N boards), for
//   trace-summary.py.
// --heap: also count the portal's heap by type and by namespace before and after the boards open (ClrMD; suspends the
//   portal briefly).
//
// Files: BoardRun (one size: open the boards, measure), BoardEditor (the member's edits and their commit times),
// BoardViewers (a viewer in Chromium), ProtocolViewer and BlazorPackProtocol (--protocol), DemoBoard (sign-in and the
// demo meeting), PortalMeasures (idle rate, managed heap), HeapCensus (--heap).
using System.Globalization;
using Microsoft.Playwright;

var heapCensus = args.Contains("--heap");
var protocolViewers = args.Contains("--protocol");
args = args.Where(a => a is not "--heap" and not "--protocol").ToArray();
string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    if (at < 0)
    {
        return null;
    }
    var value = args[at + 1];
    args = args.Where((_, i) => i != at && i != at + 1).ToArray();
    return value;
}
int? Number(string name) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
var rounds = Number("--rounds") ?? 20;
var warmup = Number("--warmup") ?? 0;
var processes = Number("--processes");
var traceFile = Option("--trace");
var counts = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
if (counts.Count == 0)
{
    counts = [25, 50, 100];
}
if (PortalProcess.FindPortalDll() is not { } portalDll)
{
    return 1;
}

Console.WriteLine($"# Board circuits {(protocolViewers ? "of .NET protocol clients" : "in Chromium")}, {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}, {rounds} edits per size"
    + (warmup > 0 ? $" after {warmup} uncounted edits with the boards open" : string.Empty)
    + (processes is { } p ? $", at most {p} renderer processes" : string.Empty));
Console.WriteLine(BoardRun.Header);
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
var run = new BoardRun(browser, portalDll, rounds, warmup, heapCensus, protocolViewers, traceFile);
var growth = new List<(int Boards, long Kb)>();
foreach (var n in counts)
{
    growth.Add((n, await run.RunAsync(n)));
}
foreach (var (low, high) in growth.Zip(growth.Skip(1)).Where(p => p.Second.Boards > p.First.Boards))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Marginal memory from {low.Boards} to {high.Boards} boards: {(high.Kb - low.Kb) / (double)(high.Boards - low.Boards):0} KB per circuit."));
}
return 0;
