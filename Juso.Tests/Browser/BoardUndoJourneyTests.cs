using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Issue 12 item 2: the chair takes back a role-assignment edit on the board, but never over a member's later edit.</summary>
public sealed class BoardUndoJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ChairUndoesAnAssignmentEdit_TheEarlierTaskReturns_ButAMembersLaterEditStays()
    {
        var (meetingId, itemId) = await MeetingRoom.TypicalItemUnderDiscussionAsync(Fixture.Server);
        var chair = await NewPageAsync();
        await BrowserFixture.SignInAsync(chair, "chair");
        await chair.GotoAsync($"/meetings/{meetingId}/board");
        var before = await chair.GetByTestId("assignment-task").First.InnerTextAsync();

        await EditFirstTaskAsync(chair, "訪問は月2回に増やす");
        await chair.GetByTestId("undo").Filter(new() { HasText = "役割分担の変更" }).ClickAsync();

        await chair.GetByTestId("assignment-task").First.Filter(new() { HasText = before }).WaitForAsync();
        Assert.Contains(before, await TasksAsync(itemId));
        Assert.DoesNotContain("訪問は月2回に増やす", await TasksAsync(itemId));

        // The chair edits again, a member changes the same assignment after: the chair's undo leaves the member's edit.
        await EditFirstTaskAsync(chair, "訪問は週1回のまま続ける");
        var member = await NewPageAsync();
        await BrowserFixture.SignInAsync(member, "member.east");
        await member.GotoAsync($"/meetings/{meetingId}/board");
        await EditFirstTaskAsync(member, "見守りは民生委員に引き継ぐ");
        await chair.GetByTestId("assignment-task").First.Filter(new() { HasText = "見守りは民生委員に引き継ぐ" }).WaitForAsync();
        await chair.GetByTestId("undo").ClickAsync();

        await chair.GetByText("取り消せませんでした").WaitForAsync();
        Assert.Contains("見守りは民生委員に引き継ぐ", await TasksAsync(itemId));
        Assert.DoesNotContain("訪問は週1回のまま続ける", await TasksAsync(itemId));
        await chair.GetByTestId("undo").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    private static async Task EditFirstTaskAsync(IPage page, string task)
    {
        await page.GetByTestId("edit-assignment").First.ClickAsync();
        await page.Locator("#board-assignment-task").FillAsync(task);
        await page.GetByTestId("save-board-assignment").ClickAsync();
        await page.GetByTestId("save-board-assignment").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.GetByTestId("assignment-task").First.Filter(new() { HasText = task }).WaitForAsync();
    }

    /// <summary>The tasks of the role assignments of the case under discussion, as saved.</summary>
    private async Task<IReadOnlyList<string>> TasksAsync(int itemId)
    {
        await using var db = await MeetingRoom.DbAsync(Fixture.Server);
        var caseId = await db.Meetings.SelectMany(m => m.Agenda).Where(a => a.Id == itemId).Select(a => a.SupportCaseId).SingleAsync();
        var plan = await db.Plans.Include(p => p.Assignments).Where(p => p.SupportCaseId == caseId).OrderByDescending(p => p.PlanVersion).FirstAsync();
        return plan.Assignments.Select(a => a.Task).ToList();
    }
}
