using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>
/// A 検討会議 in two browsers: the chair has the board open; the coordinator finds a lead in the meeting page's agenda
/// builder (which offers no cases for this kind) and adds it; the chair's board shows the item without a reload, and
/// its アウトリーチプラン once the item is under discussion.
/// </summary>
public sealed class OutreachReviewJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Goal = "玄関先で顔を合わせて話せる関係をつくる";

    [Fact]
    public async Task ReviewMeeting_BuilderOffersTheLead_TheOpenBoardShowsItsOutreachPlan()
    {
        var (meetingId, leadId, description) = await ReviewMeetingAndLeadAsync();
        var board = await NewPageAsync(1600, 1000);
        await BrowserFixture.SignInAsync(board, "chair");
        await board.GotoAsync($"/meetings/{meetingId}/board");
        await board.GetByTestId("board").WaitForAsync();
        await board.EvaluateAsync("() => window.__sameDocument = true");

        var builder = await NewPageAsync();
        await BrowserFixture.SignInAsync(builder, "coordinator");
        await builder.GotoAsync($"/meetings/{meetingId}");
        await builder.GetByTestId("agenda-lead-section").WaitForAsync();
        Assert.Equal(0, await builder.Locator("#agenda-case").CountAsync());
        await AccessibilityTests.AssertAccessibleAsync(builder, "meeting-review-builder");
        await builder.Locator("#agenda-lead").FillAsync(description);
        await builder.Locator(".mud-popover-open .mud-list-item", new() { HasText = $"No.{leadId}" }).First.ClickAsync();
        await builder.GetByTestId("add-lead-item").ClickAsync();
        await builder.GetByTestId("agenda-item").Filter(new() { HasText = $"アウトリーチ対象者 No.{leadId}" }).WaitForAsync();

        var item = board.GetByTestId("board-item").Filter(new() { HasText = $"アウトリーチ対象者 No.{leadId}" });
        await item.WaitForAsync();
        await board.GetByTestId("last-change").Filter(new() { HasText = "議題に追加" }).WaitForAsync();
        await item.GetByTestId("start-item").ClickAsync();
        await board.GetByTestId("lead-plan-goal").Filter(new() { HasText = Goal }).WaitForAsync();
        Assert.Contains("アウトリーチプラン 第1版（案）", await board.GetByTestId("lead-plan-summary").InnerTextAsync());
        Assert.True(await board.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        Assert.DoesNotContain(description, await board.ContentAsync());
        await AccessibilityTests.AssertAccessibleAsync(board, "meeting-board-lead-plan");
    }

    /// <summary>A 検討会議 of the demo chair beginning now, and an open lead of the demo municipality with a drafted plan.</summary>
    private async Task<(int MeetingId, int LeadId, string Description)> ReviewMeetingAndLeadAsync()
    {
        await using var db = await MeetingRoom.DbAsync(Fixture.Server);
        var now = DateTimeOffset.UtcNow;
        var chair = await db.Users.SingleAsync(u => u.UserName == "chair");
        var meeting = Meeting.Schedule(MeetingKind.OutreachReview, MeetingCadence.AdHoc, now.AddMinutes(-1), "第3会議室", new Actor(chair.Id, chair.DisplayName),
            chair.DisplayName, null, now);
        db.Meetings.Add(meeting);
        var agencyId = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var description = $"検討会議で話す北町の○○さん宅の長男（{Random.Shared.Next(20, 60)}代{Random.Shared.Next(1000, 9999)}）";
        var lead = OutreachLead.Register(new LeadDetails(description, "ひばり野市北町1丁目", LeadSource.Neighbour, null, "隣家の住民",
            "夜だけ明かりがつく。", agencyId, null, 14), now);
        db.OutreachLeads.Add(lead);
        await db.SaveChangesAsync();
        db.OutreachPlans.Add(OutreachPlan.Draft(lead, 1, Goal, "2週間ごとに同じ職員が訪問し、置き手紙を残す", new Actor("test", "中川 浩二"), now));
        await db.SaveChangesAsync();
        return (meeting.Id, lead.Id, description);
    }
}
