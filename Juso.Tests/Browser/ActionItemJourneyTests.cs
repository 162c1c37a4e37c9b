using Deque.AxeCore.Playwright;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>The coordinator sees an open 対応事項 of their case on the home page and marks it done on the case page.</summary>
public sealed class ActionItemJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Text = "家賃の分納について大家と相談する";

    [Fact]
    public async Task Coordinator_SeesTheOpenItemAtHome_AndCompletesItOnTheCasePage()
    {
        var (caseId, actionItemId) = await ActionItemAsync();
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator");

        await page.GetByTestId("home-action-items").GetByText(Text).WaitForAsync();
        await AssertAccessibleAsync(page, "home-action-items");
        await page.GotoAsync($"/cases/{caseId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "対応事項", Exact = true }).ClickAsync();
        var row = page.GetByTestId("action-item").Filter(new() { HasText = Text });
        await row.WaitForAsync();
        await AssertAccessibleAsync(page, "case-action-items-open");
        await row.GetByRole(AriaRole.Button, new() { Name = $"{Text}を完了にする" }).ClickAsync();

        await row.GetByTestId("action-item-state").Filter(new() { HasText = "完了（" }).WaitForAsync();
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var saved = await db.Meetings.SelectMany(m => m.ActionItems).SingleAsync(a => a.Id == actionItemId);
        Assert.Equal("中川 浩二", saved.CompletedBy);
    }

    /// <summary>A 支援会議 held yesterday on a case the demo coordinator coordinates, with an action item owned by another agency.</summary>
    private async Task<(int CaseId, int ActionItemId)> ActionItemAsync()
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var coordinator = await db.Users.SingleAsync(u => u.UserName == "coordinator");
        var chair = await db.Users.SingleAsync(u => u.UserName == "chair");
        var supportCase = await db.Cases.Include(c => c.Agencies).Include(c => c.Consents)
            .Where(c => c.CoordinatorStaffId == coordinator.StaffId && c.Stage != CaseStage.Closed).OrderBy(c => c.Id).FirstAsync();
        var coordinatorAgency = await db.Staff.Where(s => s.Id == coordinator.StaffId).Select(s => s.AgencyId).SingleAsync();
        var owner = await db.Agencies.Where(a => a.Id != coordinatorAgency).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var meeting = Meeting.Schedule(MeetingKind.Support, MeetingCadence.AdHoc, now.AddDays(-1), "相談室", new Actor(chair.Id, "石田 美穂"), "石田 美穂", null, now.AddDays(-2));
        var item = meeting.AddAgendaItem(supportCase, AgendaPurpose.InformationSharing, 15, now.AddDays(-2));
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        var action = meeting.AddActionItem(item.Id, new ActionItemDetails(Text, owner, null, JapanDate.Today(now).AddDays(10)), now.AddDays(-2));
        await db.SaveChangesAsync();
        return (supportCase.Id, action.Id);
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.WaitForFunctionAsync("() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-appbar-background').trim() !== ''");
        await BrowserFixture.ScreenshotAsync(page, name);
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
