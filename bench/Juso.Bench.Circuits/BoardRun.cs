using System.Globalization;
using Microsoft.Playwright;

/// <summary>One size of the bench: a fresh portal, the editor's board, N viewer boards, the edits, one table row.</summary>
internal sealed class BoardRun(IBrowser browser, string portalDll, int rounds, int warmup, bool heapCensus, bool protocolViewers, string? traceFile)
{
    public const string Header = """
        | boards | edits | p50 ms | p95 ms | p99 ms | max ms | missing | heap KB per circuit | RSS KB per circuit | CPU ms per edit: editor alone | CPU ms per edit: fan-out | idle CPU ms/s: no board (after) → N boards | CPU s opening | browsers' CPU ms per edit (idle ms/s) | load |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
        """;

    /// <summary>Runs <paramref name="boards"/> viewers, prints the row and returns the portal's RSS growth in KB (less its executable memory).</summary>
    public async Task<long> RunAsync(int boards)
    {
        await using var portal = await PortalProcess.StartAsync(portalDll, "circuits", new Dictionary<string, string> { ["Diagnostics__MemoryEndpoint"] = "true" });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl, ViewportSize = new() { Width = 1280, Height = 720 } });
        await using var editor = await BoardEditor.OpenAsync(context, portal);

        // The first edits compile the edit path, so that the boards are not charged for it.
        for (var r = 0; r < 5; r++)
        {
            await editor.EditAsync(r, []);
        }

        // Memory with the editor's board only, after its edits compiled and cached what every edit needs.
        await portal.SettleAsync();
        var kindsBefore = portal.RssKbByKind();
        var (heapBefore, committedBefore) = await PortalMeasures.MemoryAsync(portal.BaseUrl);
        var rssCollectedBefore = portal.RssKb();
        var censusBefore = heapCensus ? HeapCensus.Take(portal.Id) : null;

        var cpuBefore = portal.Cpu();
        var (viewers, contexts) = protocolViewers
            ? (await OpenProtocolViewersAsync(context, portal.BaseUrl, editor.MeetingId, boards), [])
            : await OpenBoardsAsync(context, portal.BaseUrl, editor.MeetingId, boards);
        var cpuOpening = portal.Cpu() - cpuBefore;
        if (viewers.FirstOrDefault() is PageViewer first)
        {
            // The board's size in the browser, for the circuit floor bench's board-sized page (bench/Juso.Bench.CircuitFloor).
            Console.Error.WriteLine($"DOM elements per board: {await first.Page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length")}");
        }
        await portal.SettleAsync();
        var kindsAfter = portal.RssKbByKind();
        var (heapAfter, committedAfter) = await PortalMeasures.MemoryAsync(portal.BaseUrl);
        var rssCollectedAfter = portal.RssKb();
        // The RSS a circuit costs leaves out the runtime's executable memory: the JIT code of the viewer's path, compiled
        // (and recompiled at its final tier) once per process however many boards open, 3–10 MB at 100 boards here.
        var rssGrowth = kindsAfter.Values.Sum() - kindsAfter.GetValueOrDefault("executable") - (kindsBefore.Values.Sum() - kindsBefore.GetValueOrDefault("executable"));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{boards} boards, RSS growth per circuit by mapping: {string.Join(", ", kindsAfter.Select(k => $"{k.Key} {(k.Value - kindsBefore.GetValueOrDefault(k.Key)) / (double)boards:0}"))} KB; "
            + $"after a full GC: RSS {(rssCollectedAfter - rssCollectedBefore) / (double)boards:0} KB, GC committed {(committedAfter - committedBefore) / 1024.0 / boards:0} KB"));

        // --warmup: edits with the boards open that are not counted, so that the per-viewer code has reached its final
        // JIT tier (a portal that has served a few meetings), as the 5 edits above did for the editor's own path.
        for (var r = 0; r < warmup; r++)
        {
            await editor.EditAsync(1000 + r, viewers);
        }
        var latencies = new List<double>();
        var missing = 0;
        var withBoards = new List<BoardEditor.Edit>();
        for (var r = 0; r < rounds; r++)
        {
            var edit = await editor.EditAsync(20 + r, viewers);
            missing += edit.Missing;
            latencies.AddRange(edit.Latencies);
            withBoards.Add(edit);
        }
        // Open boards that nobody edits: what the portal spends on them. Read after the edits, as the editor's own rate
        // below, when what opening a hundred circuits set off (compiling, collecting) has died down; read right after
        // the opening it still held that work (10–64 ms/s at 100 boards on the shared machine, depending on the wait).
        var idleAfter = await PortalMeasures.SettledIdleCpuAsync(portal);
        var fanOutWindows = withBoards.Select(w => w.CpuMs - w.Seconds * idleAfter).ToList();
        var (browserIdle, browserPerEdit) = await BrowserShareAsync(portal.Id, viewers, withBoards);
        if (traceFile is not null)
        {
            await TraceAsync(editor, viewers, $"{traceFile}.{boards}.json");
        }
        if (censusBefore is not null)
        {
            // After the edits, so that suspending the portal does not touch the measurements; the boards are still open.
            await PortalMeasures.ManagedHeapAsync(portal.BaseUrl);
            HeapCensus.Print(censusBefore, HeapCensus.Take(portal.Id), boards, 25);
        }

        // The editor alone, for the same edits with the boards closed again: what the editor's save costs without viewers.
        // Measured last, when the portal's start-up background (tiered compilation, jobs starting) has died down.
        foreach (var viewer in viewers)
        {
            await viewer.CloseAsync();
        }
        foreach (var more in contexts)
        {
            await more.DisposeAsync();
        }
        var idleAlone = await PortalMeasures.SettledIdleCpuAsync(portal);
        var editorAlone = new List<double>();
        for (var r = 0; r < Math.Min(rounds, 10); r++)
        {
            var edit = await editor.EditAsync(100 + r, []);
            editorAlone.Add(edit.CpuMs - edit.Seconds * idleAlone);
        }
        var editorCpu = editorAlone.Average();
        latencies.Sort();
        if (editor.LostSaves > 0)
        {
            Console.Error.WriteLine($"Saves that stored the text from before the typing (made once more): {editor.LostSaves}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {boards} | {rounds} | {Percentile.Of(latencies, 50):0} | {Percentile.Of(latencies, 95):0} | {Percentile.Of(latencies, 99):0} | {latencies.LastOrDefault():0} | {missing} | {(heapAfter - heapBefore) / 1024.0 / boards:0} | {rssGrowth / (double)boards:0} | {editorCpu:0.0} | {fanOutWindows.Average() - editorCpu:0.0} | {idleAlone:0} → {idleAfter:0} | {cpuOpening.TotalSeconds:0.0} | {browserPerEdit:0} ({browserIdle:0}) | {File.ReadAllText("/proc/loadavg")[..14].Trim()} |"));
        return rssGrowth;
    }

    /// <summary>
    /// The browsers' idle rate (ms/s, boards open, nobody editing) and their CPU per edit: each edit's window less that
    /// idle rate and less what the bench's own question to every page for its time costs them (asked again with the
    /// answers ready). Chromium's share of the same two cores, which the portal's latency has to live with.
    /// </summary>
    private static async Task<(double IdleMsPerSecond, double PerEditMs)> BrowserShareAsync(int portalId, IReadOnlyList<IBoardViewer> viewers, IReadOnlyList<BoardEditor.Edit> edits)
    {
        var before = BrowserCpu.Ms(portalId);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idle = (BrowserCpu.Ms(portalId) - before) / clock.Elapsed.TotalSeconds;
        var asking = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            before = BrowserCpu.Ms(portalId);
            clock.Restart();
            await Task.WhenAll(viewers.Select(v => v.SeenAsync(TimeSpan.FromSeconds(30))));
            asking.Add(BrowserCpu.Ms(portalId) - before - clock.Elapsed.TotalSeconds * idle);
        }
        return (idle, edits.Average(e => e.BrowserCpuMs - e.Seconds * idle) - asking.Average());
    }

    /// <summary>
    /// --trace: a Chrome trace of every browser process over 5 s with the boards open and nobody editing, then one edit,
    /// for where the browsers' CPU goes (bench/Juso.Bench.Circuits/trace-summary.py sums it by process, thread and task).
    /// Taken after the measurements, so that tracing does not slow them.
    /// </summary>
    private async Task TraceAsync(BoardEditor editor, IReadOnlyList<IBoardViewer> viewers, string path)
    {
        // Through the browser's DevTools protocol: the trace streams back as Tracing.dataCollected events.
        var session = await browser.NewBrowserCDPSessionAsync();
        var traceEvents = new List<System.Text.Json.JsonElement>();
        var complete = new TaskCompletionSource();
        session.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            lock (traceEvents)
            {
                traceEvents.AddRange(e!.Value.GetProperty("value").EnumerateArray().Select(v => v.Clone()));
            }
        };
        session.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
        var categories = "toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink,cc,viz,v8";
        await session.SendAsync("Tracing.start", new Dictionary<string, object> { ["categories"] = categories, ["transferMode"] = "ReportEvents" });
        await Task.Delay(TimeSpan.FromSeconds(5));
        await editor.EditAsync(900, viewers);
        await session.SendAsync("Tracing.end");
        await complete.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await using (var file = File.Create(path))
        {
            await System.Text.Json.JsonSerializer.SerializeAsync(file, new { traceEvents });
        }
        await session.DetachAsync();
        Console.Error.WriteLine($"Trace of 5 s idle and one edit: {path}");
    }

    /// <summary>
    /// One board page, once it shows the assignments. At 500 boards on two cores a page now and then never gets there
    /// (its circuit did not start within 5 minutes): it is closed and opened once more, and counted on stderr.
    /// </summary>
    private static async Task<IPage> OpenBoardAsync(IBrowserContext context, int meetingId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var page = await context.NewPageAsync();
            try
            {
                await page.GotoAsync($"/meetings/{meetingId}/board", new() { Timeout = 300_000 });
                await page.GetByTestId("board-assignments").WaitForAsync(new() { Timeout = 300_000 });
                return page;
            }
            catch (TimeoutException) when (attempt == 1)
            {
                Console.Error.WriteLine("A board page did not show the assignments within 5 minutes; opening it once more.");
                await page.CloseAsync();
            }
        }
    }

    /// <summary>Pages per browser context: Chromium gives a profile (a context) at most 255 WebSockets, one per board page.</summary>
    private const int PagesPerContext = 100;

    /// <summary>N more pages of the chair's board, each its own circuit, once each shows the assignments.</summary>
    private async Task<(IBoardViewer[] Pages, IReadOnlyList<IBrowserContext> MoreContexts)> OpenBoardsAsync(IBrowserContext context, string baseUrl, int meetingId, int boards)
    {
        // Further contexts are further profiles with the same sign-in (its cookies), each with its own socket pool.
        var signedIn = await context.StorageStateAsync();
        var contexts = new List<IBrowserContext> { context };
        while (contexts.Count * PagesPerContext < boards)
        {
            var more = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseUrl,
                ViewportSize = new() { Width = 1280, Height = 720 },
                StorageState = signedIn,
            });
            contexts.Add(more);
        }
        var viewers = new IBoardViewer[boards];
        // A few pages load at once: one at a time, 500 boards would take most of an hour on this machine.
        using var loading = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, boards).Select(async i =>
        {
            await loading.WaitAsync();
            try
            {
                viewers[i] = new PageViewer(await OpenBoardAsync(contexts[i / PagesPerContext], meetingId));
            }
            finally
            {
                loading.Release();
            }
        }));
        return (viewers, contexts.Skip(1).ToList());
    }

    /// <summary>N board circuits of .NET clients (<see cref="ProtocolViewer"/>) with the chair's sign-in, a few opening at once.</summary>
    private static async Task<IBoardViewer[]> OpenProtocolViewersAsync(IBrowserContext context, string baseUrl, int meetingId, int boards)
    {
        var cookies = await DemoBoard.CookiesAsync(context);
        var viewers = new IBoardViewer[boards];
        using var loading = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, boards).Select(async i =>
        {
            await loading.WaitAsync();
            try
            {
                viewers[i] = await ProtocolViewer.OpenAsync(baseUrl, cookies, meetingId, TimeSpan.FromMinutes(5));
            }
            finally
            {
                loading.Release();
            }
        }));
        return viewers;
    }
}
