using System.Globalization;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>終結後フォロー in the browser: a closed case's contact tab records one, marked as such, and the case shows the next date.</summary>
public sealed class FollowUpJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ClosedCase_CoordinatorRecordsAFollowUp_TheTabMarksIt_AndTheCaseShowsTheNextDate()
    {
        var caseId = await ClosedCaseAsync();
        var next = JapanDate.Today(DateTimeOffset.UtcNow).AddDays(14).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", $"/cases/{caseId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "支援経過", Exact = true }).ClickAsync();
        await page.Locator(".mud-tab-active", new() { HasText = "支援経過" }).WaitForAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "終結後フォローを記録" }).WaitForAsync();
        await IntakeJourneyTests.ChooseAsync(page, "#contact-kind", "電話");
        await page.Locator("#contact-content").FillAsync("電話で近況を確認した。就労は続いている。");
        await page.Locator("#contact-next-follow-up").FillAsync(next);
        await page.Locator("#contact-next-follow-up").PressAsync("Tab");
        await page.GetByTestId("save-contact").ClickAsync();

        var row = page.GetByTestId("follow-up-row").Filter(new() { HasText = "就労は続いている" });
        await row.WaitForAsync();
        Assert.Contains("終結後フォロー", await row.InnerTextAsync());
        await page.GetByTestId("next-follow-up").Filter(new() { HasText = next }).WaitForAsync();
        // Scanned once the confirmation snackbar is gone: axe would catch it halfway through its fade-in.
        await page.Locator(".mud-snackbar").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await AccessibilityTests.AssertAccessibleAsync(page, "case-follow-up");
    }

    private async Task<int> ClosedCaseAsync()
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        return await db.Cases.Where(c => c.Stage == CaseStage.Closed).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }
}
