using System.Text;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Issue 15: the item timer on the board counts in the browser; the server sends nothing while it runs.</summary>
public sealed class BoardTimerJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ItemTimer_CountsOnInTheBrowser_WithoutARenderFromTheServer()
    {
        int meetingId;
        await using (var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync())
        {
            meetingId = await db.Meetings.Where(m => m.Kind == MeetingKind.MultiLayered).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        }
        var page = await NewPageAsync();
        // Every render batch the circuit sends is a "JS.RenderBatch" invocation on the page's WebSocket.
        var batches = 0;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            var text = frame.Text ?? Encoding.Latin1.GetString(frame.Binary ?? []);
            if (text.Contains("JS.RenderBatch", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref batches);
            }
        };
        await BrowserFixture.SignInAsync(page, "chair");
        await page.GotoAsync($"/meetings/{meetingId}/board");
        await page.GetByTestId("board").WaitForAsync();
        await page.GetByTestId("start-item").Last.ClickAsync();
        // The item just started: its clock shows the first seconds (not an item started long ago).
        var timer = page.Locator("[data-testid=board-timer][data-elapsed-ms]");
        await timer.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("経過 00:0\\d") }).WaitForAsync();

        // The clock goes on for 3 s in which not one render batch arrives (the server used to send one a second).
        // The window restarts while the batches of opening the board and starting the item still come in.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var (quietFrom, batchesThen) = (await ClockSecondsAsync(timer), Volatile.Read(ref batches));
        while (true)
        {
            await page.WaitForFunctionAsync(
                "s => { const [m, x] = document.querySelector('[data-testid=board-timer] .board-timer-clock').textContent.split(':'); return Number(m) * 60 + Number(x) > s; }",
                await ClockSecondsAsync(timer));
            var clock = await ClockSecondsAsync(timer);
            var now = Volatile.Read(ref batches);
            if (now != batchesThen)
            {
                (quietFrom, batchesThen) = (clock, now);
            }
            else if (clock - quietFrom >= 3)
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, $"No quiet 3 s: {now} render batches, the clock at {clock} s");
        }

        // The count is real: a change on the board arrives as a render batch (and is taken back).
        await page.GetByTestId("mask-switch").ClickAsync();
        await page.GetByTestId("mask-switch").Filter(new() { HasText = "オン" }).WaitForAsync();
        Assert.True(Volatile.Read(ref batches) > batchesThen);
        await page.GetByTestId("mask-switch").ClickAsync();
        await page.GetByTestId("mask-switch").Filter(new() { HasText = "オフ" }).WaitForAsync();
    }

    private static async Task<int> ClockSecondsAsync(ILocator timer)
    {
        var parts = (await timer.Locator(".board-timer-clock").InnerTextAsync()).Split(':');
        return int.Parse(parts[0]) * 60 + int.Parse(parts[1]);
    }
}
