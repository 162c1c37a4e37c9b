using Juso.Domain.Meetings;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Issue 4 in the browser: the chair projects the board, a member edits from a laptop, the projector follows without reload.</summary>
public sealed class MeetingBoardJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task MemberChangesARoleAssignment_TheChairsBoardShowsItWithoutReload()
    {
        var meetingId = await DemoMeetingAsync(MeetingKind.MultiLayered);
        var projector = await NewPageAsync(1920, 1080);
        await BrowserFixture.SignInAsync(projector, "chair");
        await projector.GotoAsync($"/meetings/{meetingId}/board");
        await projector.GetByTestId("board").WaitForAsync();
        // The first monitoring item is a case in support, with role assignments.
        await projector.GetByTestId("board-item").Filter(new() { HasText = "モニタリング" }).First.GetByTestId("start-item").ClickAsync();
        await projector.GetByTestId("board-assignments").WaitForAsync();
        await projector.EvaluateAsync("() => window.__sameDocument = true");

        var laptop = await NewPageAsync();
        await BrowserFixture.SignInAsync(laptop, "member.east");
        await laptop.GotoAsync($"/meetings/{meetingId}/board");
        await laptop.GetByTestId("board-assignments").WaitForAsync();
        await projector.GetByTestId("presence").Filter(new() { HasText = "藤井 由美" }).WaitForAsync();
        await laptop.GetByTestId("edit-assignment").First.ClickAsync();
        await laptop.Locator("#board-assignment-task").FillAsync("月2回の訪問で母の様子と家計を確認する");
        await laptop.GetByTestId("save-board-assignment").ClickAsync();

        // Within the default deadline (15 s), without navigation: the same document still holds the marker.
        await projector.GetByTestId("assignment-task").Filter(new() { HasText = "月2回の訪問で母の様子と家計を確認する" }).WaitForAsync();
        Assert.True(await projector.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        await projector.GetByTestId("last-change").Filter(new() { HasText = "役割分担を変更" }).WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(projector, "meeting-board");
        await projector.SetViewportSizeAsync(1280, 720);
        await BrowserFixture.ScreenshotAsync(projector, "meeting-board-1280x720");
    }

    [Fact]
    public async Task SupportMeeting_MemberWithoutPledge_SeesOnlyThePledge_AndAnOutsiderIsRefused()
    {
        var meetingId = await DemoMeetingAsync(MeetingKind.Support);
        var caseNumbers = await AgendaCaseNumbersAsync(meetingId);

        var outsider = await NewPageAsync();
        await BrowserFixture.SignInAsync(outsider, "member.children");
        await outsider.GotoAsync($"/meetings/{meetingId}/board");
        await outsider.GetByTestId("board-refused").WaitForAsync();
        Assert.All(caseNumbers, n => Assert.DoesNotContain(n, outsider.ContentAsync().Result));

        var member = await NewPageAsync();
        await BrowserFixture.SignInAsync(member, "member.east");
        await member.GotoAsync($"/meetings/{meetingId}/board");
        await member.GetByTestId("pledge-panel").WaitForAsync();
        var before = await member.ContentAsync();
        Assert.All(caseNumbers, n => Assert.DoesNotContain(n, before));
        await AccessibilityTests.AssertAccessibleAsync(member, "meeting-pledge");

        await member.GetByTestId("pledge-agree").ClickAsync();
        await member.GetByTestId("pledge-button").ClickAsync();
        await member.GetByTestId("board").WaitForAsync();
        // Names are masked by default in a 支援会議: initials, never the family name.
        var items = await member.GetByTestId("board-item").AllInnerTextsAsync();
        Assert.Equal(caseNumbers.Count, items.Count);
        Assert.All(items, text => Assert.Matches(@"[A-Z＊]\.[A-Z＊]\.", text));
    }

    [Fact]
    public async Task HubClient_NotInTheMeeting_IsRefusedWithAClearMessage_AndNothingOfTheMeeting()
    {
        var meetingId = await DemoMeetingAsync(MeetingKind.Support);
        await using var outsider = await BoardHubClient.ConnectAsync(Fixture.Server, "member.children");

        var join = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => outsider.InvokeAsync<int>("JoinBoard", meetingId));
        var read = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => outsider.InvokeAsync<object>("GetBoard", meetingId));

        Assert.Contains(Juso.Portal.Features.Meetings.MeetingBoardHub.RefusedMessage, join.Message);
        Assert.Contains(Juso.Portal.Features.Meetings.MeetingBoardHub.RefusedMessage, read.Message);
    }

    [Fact]
    public async Task MeetingPages_AgendaBuilderAndMinutes_HaveNoSeriousViolations()
    {
        var meetingId = await DemoMeetingAsync(MeetingKind.MultiLayered);
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "chair");
        await page.GotoAsync("/meetings");
        await page.GetByTestId("meeting-table").WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "meetings");

        await page.GotoAsync($"/meetings/{meetingId}");
        await page.GetByTestId("agenda-list").WaitForAsync();
        var first = await page.GetByTestId("agenda-item").First.InnerTextAsync();
        // Reordering works by keyboard: focus the first item's "down" button and press Enter.
        await page.GetByTestId("move-down").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("agenda-item").Nth(1).Filter(new() { HasText = first.Split('\n')[1].Trim() }).WaitForAsync();
        // Scan the page, not the confirmation fading in and out over it.
        await page.Locator(".mud-snackbar").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await AccessibilityTests.AssertAccessibleAsync(page, "meeting-agenda");

        await page.GotoAsync($"/meetings/{meetingId}/minutes");
        await page.GetByTestId("minutes").WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "meeting-minutes");

        await page.GetByTestId("print-minutes").ClickAsync();
        await page.FrameLocator("[data-testid=document-preview]").GetByText("議事録（案）").First.WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "minutes-print");
    }

    [Fact]
    public async Task Chair_AddsATopicWithoutACase_OnTheMeetingPage_AndTheBoardShowsItWithItsDescription()
    {
        var meetingId = await DemoMeetingAsync(MeetingKind.MultiLayered);
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "chair");
        await page.GotoAsync($"/meetings/{meetingId}");
        await page.GetByTestId("agenda-list").WaitForAsync();

        await page.GetByTestId("add-topic-item").ClickAsync();
        await page.GetByTestId("form-errors").Filter(new() { HasText = "検討テーマを入力してください。" }).WaitForAsync();
        await page.Locator("#topic-title").FillAsync("ひきこもりの人が通える居場所が足りない");
        await page.Locator("#topic-description").FillAsync("市内に日中の居場所が1か所しかない。");
        await page.GetByTestId("add-topic-item").ClickAsync();
        await page.GetByTestId("agenda-item").Filter(new() { HasText = "検討テーマ：ひきこもりの人が通える居場所が足りない" }).WaitForAsync();

        await page.GotoAsync($"/meetings/{meetingId}/board");
        var item = page.GetByTestId("board-item").Filter(new() { HasText = "ひきこもりの人が通える居場所が足りない" });
        await item.GetByTestId("start-item").ClickAsync();
        await page.GetByTestId("topic-description").Filter(new() { HasText = "市内に日中の居場所が1か所しかない。" }).WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("outcome-select").CountAsync());
    }

    private async Task<int> DemoMeetingAsync(MeetingKind kind)
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        // The demo's next meeting of that kind (the demo also holds past ones, for the yearly report and outreach).
        var now = DateTime.UtcNow;
        return await db.Meetings.Where(m => m.Kind == kind && m.ScheduledAt > now).OrderBy(m => m.ScheduledAt).Select(m => m.Id).FirstAsync();
    }

    private async Task<IReadOnlyList<string>> AgendaCaseNumbersAsync(int meetingId)
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var ids = await db.Meetings.Where(m => m.Id == meetingId).SelectMany(m => m.Agenda).Select(a => a.SupportCaseId).ToListAsync();
        return (await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync()).Select(c => c.Number).ToList();
    }
}
