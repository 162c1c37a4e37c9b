using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Every page passes axe-core with no serious or critical violation (and is saved as a screenshot when asked).</summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task SignInPage_HasNoSeriousViolations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").WaitForAsync();
        await AssertAccessibleAsync(page, "login");
    }

    [Fact]
    public async Task CaseWorkPages_HaveNoSeriousViolations()
    {
        var (caseId, householdId) = await FirstCaseAsync();
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator");
        await page.Locator("h1", new() { HasText = "ホーム" }).WaitForAsync();
        await AssertAccessibleAsync(page, "home");

        await page.GotoAsync("/cases");
        await page.GetByTestId("case-table").WaitForAsync();
        await AssertAccessibleAsync(page, "cases");

        await page.GotoAsync("/cases/new");
        await page.Locator("#intake-summary").WaitForAsync();
        await page.GetByTestId("submit-intake").ClickAsync();
        await page.GetByTestId("form-errors").WaitForAsync();
        await AssertAccessibleAsync(page, "intake-errors");

        await page.GotoAsync($"/cases/{caseId}");
        await page.Locator("h1", new() { HasText = "ケース" }).WaitForAsync();
        await AssertAccessibleAsync(page, "case");
        foreach (var (tab, name) in new[] { ("アセスメント", "case-assessment"), ("プラン", "case-plan"), ("モニタリング", "case-monitoring"), ("支援経過", "case-contacts"), ("対応事項", "case-action-items"), ("履歴", "case-timeline") })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
            await page.Locator(".mud-tab-active", new() { HasText = tab }).WaitForAsync();
            await page.Locator(".loading-view").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await AssertAccessibleAsync(page, name);
        }

        await page.GotoAsync("/participation");
        await page.GetByTestId("participation-table").WaitForAsync();
        await AssertAccessibleAsync(page, "participation");

        await page.GetByTestId("participation-link").First.ClickAsync();
        await page.GetByTestId("participation-status").WaitForAsync();
        await AssertAccessibleAsync(page, "participation-plan-demo");
        await page.GetByTestId("edit-goal").ClickAsync();
        await page.Locator("#participation-goal").WaitForAsync();
        await AssertAccessibleAsync(page, "participation-goal-edit");

        await page.GotoAsync("/participation/resources");
        await page.GetByTestId("resource-table").WaitForAsync();
        await AssertAccessibleAsync(page, "resources");

        await page.GetByTestId("new-lacking-resource").ClickAsync();
        await page.Locator("#resource-raised-at").WaitForAsync();
        await AssertAccessibleAsync(page, "resource-dialog");
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync("/participation/resources?status=Lacking");
        await page.GetByRole(AriaRole.Heading, new() { Name = "不足している社会資源" }).WaitForAsync();
        await page.GetByTestId("resource-table").WaitForAsync();
        await AssertAccessibleAsync(page, "resources-lacking");

        await page.GotoAsync("/community");
        await page.GetByTestId("place-table").WaitForAsync();
        await AssertAccessibleAsync(page, "community");

        await page.GetByTestId("place-table").Locator("a").First.ClickAsync();
        await page.GetByTestId("sessions").WaitForAsync();
        await page.GetByTestId("referral-case-link").WaitForAsync();
        await AssertAccessibleAsync(page, "community-place");

        // The case of a referral is chosen: its number typed lists that case, and the open list passes too.
        var number = await page.GetByTestId("referral-case-link").InnerTextAsync();
        await page.Locator("#referral-case").FillAsync(number);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = number }).WaitForAsync();
        await AssertAccessibleAsync(page, "community-place-case-choice");

        await page.GotoAsync($"/households/{householdId}");
        await page.GetByTestId("edit-household").WaitForAsync();
        await AssertAccessibleAsync(page, "household");
    }

    [Fact]
    public async Task OutreachPages_HaveNoSeriousViolations()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", "/outreach");
        await page.GetByTestId("lead-table").WaitForAsync();
        await AssertAccessibleAsync(page, "outreach-leads");

        await page.GetByTestId("register-lead").ClickAsync();
        await page.Locator("#lead-description").WaitForAsync();
        await page.GetByTestId("save-lead").ClickAsync();
        await page.GetByTestId("form-errors").WaitForAsync();
        await AssertAccessibleAsync(page, "outreach-lead-dialog");
        await page.Keyboard.PressAsync("Escape");

        await page.GetByTestId("lead-table").Locator("a").First.ClickAsync();
        await page.GetByTestId("lead-stage-panel").WaitForAsync();
        await AssertAccessibleAsync(page, "outreach-lead");

        // A consented demo lead: the form that records the withdrawal of consent.
        await page.GotoAsync("/outreach");
        await page.GetByTestId("lead-table").Locator("tr", new() { HasText = "南町の○○さん宅の次女" }).Locator("a").First.ClickAsync();
        await page.GetByTestId("open-withdraw").ClickAsync();
        await page.Locator("#lead-withdraw-date").WaitForAsync();
        await AssertAccessibleAsync(page, "outreach-lead-withdraw");
    }

    [Fact]
    public async Task AdministratorPages_HaveNoSeriousViolations()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin");

        await page.GotoAsync("/admin/users");
        await page.GetByTestId("user-table").WaitForAsync();
        await AssertAccessibleAsync(page, "admin-users");

        await page.GetByTestId("new-user").ClickAsync();
        await page.Locator("#user-name").WaitForAsync();
        await AssertAccessibleAsync(page, "admin-user-dialog");
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync("/admin/agencies");
        await page.GetByTestId("agency-table").WaitForAsync();
        await AssertAccessibleAsync(page, "admin-agencies");

        await page.GotoAsync("/admin/categories");
        await page.GetByTestId("category-table").WaitForAsync();
        await AssertAccessibleAsync(page, "admin-categories");

        await page.GetByTestId("new-category").ClickAsync();
        await page.Locator("#category-name").WaitForAsync();
        await AssertAccessibleAsync(page, "admin-category-dialog");
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync("/admin/audit");
        await page.GetByTestId("audit-table").WaitForAsync();
        await AssertAccessibleAsync(page, "admin-audit");

        await page.GotoAsync("/admin/import");
        await page.Locator("#ledger-file").SetInputFilesAsync(new FilePayload { Name = "台帳.csv", MimeType = "text/csv", Buffer = Ledgers.Utf8(Ledgers.TemplateHeadings) });
        await page.GetByTestId("mapping-table").WaitForAsync();
        await AssertAccessibleAsync(page, "admin-import");

        await page.GotoAsync("/admin/backup");
        await page.GetByTestId("run-backup").ClickAsync();
        await page.GetByTestId("backup-table").WaitForAsync();
        // Loaded again without the confirmation snackbar, which axe would catch halfway through its fade-in.
        await page.GotoAsync("/admin/backup");
        await page.GetByTestId("backup-table").WaitForAsync();
        await AssertAccessibleAsync(page, "admin-backup");
    }

    [Fact]
    public async Task ReminderPages_HaveNoSeriousViolations()
    {
        await Fixture.Server.Services.GetRequiredService<Juso.Portal.Features.Monitoring.AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "supervisor", "/notifications");
        await page.GetByTestId("notification-list").Or(page.GetByTestId("no-notifications")).WaitForAsync();
        await AssertAccessibleAsync(page, "notifications");

        await page.GotoAsync("/monitoring/overdue");
        await page.GetByTestId("overdue-table").WaitForAsync();
        await AssertAccessibleAsync(page, "monitoring-overdue");

        var admin = await NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "admin", "/admin/reminders");
        await admin.GetByTestId("job-table").WaitForAsync();
        await AssertAccessibleAsync(admin, "admin-reminders");
    }

    [Fact]
    public async Task ReportPages_HaveNoSeriousViolations_AndAFigureOpensItsCasesByKeyboard()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "chair", "/reports");
        await page.GetByTestId("report-table").WaitForAsync();
        await page.GetByTestId("indicator-table").WaitForAsync();
        await AssertAccessibleAsync(page, "reports");

        var figure = page.GetByTestId("report-table").Locator("[data-testid^='cell-new-'] .figure-link").Last;
        await figure.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("drill-down-table").WaitForAsync();
        await Assertions.Expect(page.Locator("#drill-down-title")).ToBeFocusedAsync();
        await AssertAccessibleAsync(page, "reports-drill-down");

        var admin = await NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "admin", "/admin/targets");
        await admin.GetByTestId("targets-table").WaitForAsync();
        await AssertAccessibleAsync(admin, "admin-targets");
    }

    [Fact]
    public async Task ProjectorView_HasNoSeriousViolations()
    {
        var (meetingId, _) = await MeetingRoom.TypicalItemUnderDiscussionAsync(Fixture.Server);
        var page = await NewPageAsync(1280, 720);
        await BrowserFixture.SignInAsync(page, "chair");
        await page.GotoAsync($"/meetings/{meetingId}/board/projector");
        await page.GetByTestId("projector-title").WaitForAsync();
        await AssertAccessibleAsync(page, "meeting-projector");
    }

    private async Task<(int CaseId, int HouseholdId)> FirstCaseAsync()
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var supportCase = await db.Cases.OrderByDescending(c => c.Stage).ThenBy(c => c.Id).FirstAsync();
        return (supportCase.Id, supportCase.HouseholdId);
    }

    internal static async Task AssertAccessibleAsync(IPage page, string name)
    {
        // MudBlazor writes its theme variables at runtime; scan only once colours are in place.
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-layout') || getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-appbar-background').trim() !== ''");
        // An open list fades in: axe would measure its text's contrast halfway through.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-popover-open')].every(p => getComputedStyle(p).opacity === '1')");
        await BrowserFixture.ScreenshotAsync(page, name);
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("\n", serious.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()))}";
}
