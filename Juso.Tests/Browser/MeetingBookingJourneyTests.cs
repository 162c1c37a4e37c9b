using Juso.Domain.Common;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Issue 12 item 3: a chair booked twice at the same time is warned when scheduling, and goes past the warning only deliberately.</summary>
public sealed class MeetingBookingJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Scheduling_OverTheChairsOtherMeeting_IsWarnedFirst_AndRegisteredOnlyOnTheSecondClick()
    {
        var day = JapanDate.Today(DateTimeOffset.UtcNow).AddDays(11);
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(13, 0)), JapanDate.Offset);
        await MeetingRoom.MeetingWithAgendaAsync(Fixture.Server, at, 1);
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "chair", "/meetings");

        await page.GetByTestId("schedule-meeting").ClickAsync();
        await page.Locator("#meeting-date").FillAsync(day.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#meeting-date").PressAsync("Tab");
        await page.Locator("#meeting-time").FillAsync("13:30");
        await page.Locator("#meeting-time").PressAsync("Tab");
        await page.GetByTestId("save-meeting").ClickAsync();

        var clash = page.GetByTestId("booking-clash");
        await clash.Filter(new() { HasText = "石田 美穂" }).WaitForAsync();
        await Assertions.Expect(page.GetByTestId("save-meeting")).ToHaveTextAsync("重なりを承知で登録する");
        Assert.Equal(1, await CountAtAsync(at));
        await AccessibilityTests.AssertAccessibleAsync(page, "meeting-schedule-clash");

        await page.GetByTestId("save-meeting").ClickAsync();

        await page.GetByTestId("save-meeting").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(2, await CountAtAsync(at));
    }

    /// <summary>Meetings, not cancelled, starting within the two hours from <paramref name="at"/>.</summary>
    private async Task<int> CountAtAsync(DateTimeOffset at)
    {
        await using var db = await MeetingRoom.DbAsync(Fixture.Server);
        var (from, until) = (at.UtcDateTime, at.UtcDateTime.AddHours(2));
        return await db.Meetings.CountAsync(m => m.CancelledAt == null && m.ScheduledAt >= from && m.ScheduledAt < until);
    }
}
