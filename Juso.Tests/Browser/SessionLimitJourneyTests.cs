using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Issue 11 in the browser: a board left alone signs out although its timer redraws; 掲示モード stays until the meeting ends.</summary>
public sealed class SessionLimitJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task BoardWithARunningTimer_LeftAlone_IsSignedOutAfterTheIdleLimit()
    {
        // Its own portal with an idle limit of 10 s (30 min in production), checked every 2 s.
        using var server = new PortalServer(settings: new Dictionary<string, string?> { ["Security:IdleTimeout"] = "00:00:10" });
        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        var page = await context.NewPageAsync();
        var meetingId = await OpenChairedMeetingAsync(server);
        await BrowserFixture.SignInAsync(page, "chair");
        await page.GotoAsync($"/meetings/{meetingId}/board");
        await page.GetByTestId("board").WaitForAsync();

        // The chair starts an item (real input), then nobody touches the page while its timer redraws every second.
        await page.GetByTestId("start-item").First.ClickAsync();
        await page.GetByTestId("board-timer").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("経過 00:0[3-9]") }).WaitForAsync();

        await page.WaitForURLAsync(url => url.Contains("/account/login"), new() { Timeout = 60_000 });
        await using var db = await Db(server);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SessionEnded && a.Detail == "一定時間操作がなかったため" && a.UserName == "石田 美穂"));
    }

    [Fact]
    public async Task WallDisplay_StartedByTheChair_ShowsTheBoardReadOnly_AndEndsWhenTheMinutesAreApproved()
    {
        var meetingId = await MeetingTodayAsync();
        var wall = await NewPageAsync(1920, 1080);
        await BrowserFixture.SignInAsync(wall, "chair");
        await wall.GotoAsync($"/meetings/{meetingId}/board");
        // The board has joined the meeting (its presence lists the chair) before the chair starts the wall display.
        await wall.GetByTestId("presence").Filter(new() { HasText = "接続中（1人）" }).WaitForAsync();
        await wall.GetByTestId("start-wall").ClickAsync();

        try
        {
            // Blazor navigates within the document: poll the address. WaitForURL waits for a navigation event, and one that
            // came before the wait began left it waiting with the page already at the wall (seen once in a full run).
            await Assertions.Expect(wall).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/meetings/{meetingId}/wall$"));
        }
        catch (PlaywrightException)
        {
            Assert.Fail($"掲示モードに切り替わらなかった: {wall.Url} {await wall.InnerTextAsync("body")}");
        }
        await wall.GetByTestId("wall-chip").WaitForAsync();
        Assert.Equal(0, await wall.GetByTestId("start-item").CountAsync());
        Assert.Equal(0, await wall.GetByTestId("mask-switch").CountAsync());
        Assert.Equal(0, await wall.Locator("a.board-link").CountAsync());
        await AccessibilityTests.AssertAccessibleAsync(wall, "meeting-wall");
        await using (var db = await Db(Fixture.Server))
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.WallDisplayStarted && a.Detail!.StartsWith($"会議 {meetingId}: ")));
        }

        // The chair approves the minutes from their own laptop: the meeting is over, and so is its wall display.
        var laptop = await NewPageAsync();
        await BrowserFixture.SignInAsync(laptop, "chair");
        await laptop.GotoAsync($"/meetings/{meetingId}/minutes");
        await laptop.GetByTestId("approve-minutes").ClickAsync();
        await laptop.GetByTestId("approve-confirm-button").ClickAsync();
        await laptop.GetByTestId("approval").Filter(new() { HasText = "議長承認" }).WaitForAsync();

        await wall.WaitForURLAsync(url => url.Contains("/account/login"), new() { Timeout = 30_000 });
        await using var after = await Db(Fixture.Server);
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Action == AuditAction.WallDisplayEnded && a.Detail == $"会議 {meetingId}: 議事録の承認（1台）"));
    }

    [Fact]
    public async Task AgencyMember_OnTheBoard_HasNoWallDisplayButton_AndTheWallPageRefusesThem()
    {
        var meetingId = await MeetingTodayAsync();
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "member.east");
        await page.GotoAsync($"/meetings/{meetingId}/board");
        await page.GetByTestId("board").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("start-wall").CountAsync());

        await page.GotoAsync($"/meetings/{meetingId}/wall");

        await page.GetByTestId("wall-refused").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("board").CountAsync());
    }

    /// <summary>A 重層的支援会議 of the demo chair, today and already begun, with the chair present and 藤井 (member.east) a member.</summary>
    private async Task<int> MeetingTodayAsync()
    {
        await using var db = await Db(Fixture.Server);
        var chair = await db.Users.SingleAsync(u => u.UserName == "chair");
        var member = await db.Users.SingleAsync(u => u.UserName == "member.east");
        var now = DateTimeOffset.UtcNow;
        var meeting = Meeting.Schedule(MeetingKind.MultiLayered, MeetingCadence.AdHoc, now.AddSeconds(-1), "第2会議室", new Actor(chair.Id, chair.DisplayName), chair.DisplayName, null, now);
        meeting.AddMember(member.Id, member.DisplayName, null, now);
        meeting.RecordAttendance(chair.Id, true, now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private static async Task<int> OpenChairedMeetingAsync(PortalServer server)
    {
        await using var db = await Db(server);
        var chairId = await db.Users.Where(u => u.UserName == "chair").Select(u => u.Id).SingleAsync();
        return await db.Meetings.Where(m => m.Kind == MeetingKind.MultiLayered && m.ChairUserId == chairId && m.MinutesApprovedAt == null && m.Agenda.Count > 1)
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
    }

    private static Task<JusoDbContext> Db(PortalServer server) =>
        server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
}
