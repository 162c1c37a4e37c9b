using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

/// <summary>
/// The member who edits: the chair's board in one more page, and a hub client in the meeting's group that notes the
/// commit time the server announces with each change.
/// </summary>
internal sealed class BoardEditor : IAsyncDisposable
{
    // Resolves at once if the text is already shown; otherwise a MutationObserver resolves with Date.now() when it appears.
    private const string WatchScript = """
        text => {
            window.__seen = new Promise(resolve => {
                const shows = () => [...document.querySelectorAll('[data-testid=assignment-task]')].some(e => e.textContent.includes(text));
                if (shows()) { resolve(Date.now()); return; }
                const observer = new MutationObserver(() => {
                    if (shows()) { observer.disconnect(); resolve(Date.now()); }
                });
                observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            });
        }
        """;

    private readonly IPage _page;
    private readonly PortalProcess _portal;
    private readonly HubConnection _listener;
    private readonly Dictionary<int, long> _committed = [];

    private BoardEditor(IPage page, PortalProcess portal, HubConnection listener, int meetingId)
    {
        _page = page;
        _portal = portal;
        _listener = listener;
        MeetingId = meetingId;
    }

    public int MeetingId { get; }

    /// <summary>Signs in as the demo chair (the context's cookie serves every page), starts the item and opens the board.</summary>
    public static async Task<BoardEditor> OpenAsync(IBrowserContext context, PortalProcess portal)
    {
        var page = await context.NewPageAsync();
        await DemoBoard.SignInAsync(page, "chair");
        var cookies = new CookieContainer();
        foreach (var cookie in await context.CookiesAsync())
        {
            cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }
        var meetingId = await DemoBoard.StartItemWithAssignmentsAsync(portal.BaseUrl, cookies, portal.DataDirectory);
        await page.GotoAsync($"/meetings/{meetingId}/board");
        await page.GetByTestId("board-assignments").WaitForAsync(new() { Timeout = 60_000 });

        // The commit time of each change, as the server announces it to the board group.
        var listener = new HubConnectionBuilder().WithUrl(portal.BaseUrl + "/hubs/meeting-board", o => o.Cookies = cookies).Build();
        var editor = new BoardEditor(page, portal, listener, meetingId);
        listener.On<JsonElement>("BoardChanged", change =>
        {
            lock (editor._committed)
            {
                editor._committed[change.GetProperty("version").GetInt32()] = change.GetProperty("committedAtUnixMs").GetInt64();
            }
        });
        await listener.StartAsync();
        await listener.InvokeAsync<int>("JoinBoard", meetingId);
        return editor;
    }

    /// <summary>
    /// One edit of the first assignment; the CPU window runs from the save click until the editor and every viewer show
    /// the new text: the portal's CPU in it and its length, so that the caller can take the idle rate off.
    /// </summary>
    public async Task<(double CpuMs, double Seconds, List<double> Latencies, int Missing)> EditAsync(int round, IPage[] watching)
    {
        var text = $"週{round + 1}回の訪問で様子を確認する（計測{Guid.NewGuid():N}）";
        // Each viewer watches its own DOM for the new text and resolves a promise with the wall clock when it appears.
        await Task.WhenAll(watching.Select(v => v.EvaluateAsync(WatchScript, text)));
        await _page.GetByTestId("edit-assignment").First.ClickAsync();
        await _page.Locator("#board-assignment-task").FillAsync(text);
        int versionBefore;
        lock (_committed)
        {
            versionBefore = _committed.Count == 0 ? 0 : _committed.Keys.Max();
        }
        var cpu = _portal.Cpu();
        var clock = Stopwatch.StartNew();
        await _page.GetByTestId("save-board-assignment").ClickAsync();
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
        try
        {
            await _page.GetByTestId("assignment-task").Filter(new() { HasText = text }).WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            var dialog = await _page.Locator(".mud-dialog").AllInnerTextsAsync();
            throw new TimeoutException($"The editor's board did not show its own edit; viewers that saw it: {seen.Count(s => s is not null)} of {seen.Length}; "
                + $"open dialog: {string.Join(" / ", dialog)}; assignments shown: {string.Join(" / ", await _page.GetByTestId("assignment-task").AllInnerTextsAsync())}");
        }
        var cpuMs = (_portal.Cpu() - cpu).TotalMilliseconds;
        var seconds = clock.Elapsed.TotalSeconds;

        long? commitAt = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (commitAt is null && DateTime.UtcNow < deadline)
        {
            lock (_committed)
            {
                commitAt = _committed.Where(c => c.Key > versionBefore).Select(c => (long?)c.Value).Min();
            }
            await Task.Delay(20);
        }
        return commitAt is { } at
            ? (cpuMs, seconds, seen.Where(s => s is not null).Select(s => s!.Value - at).ToList(), seen.Count(s => s is null))
            : (cpuMs, seconds, [], watching.Length);
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
