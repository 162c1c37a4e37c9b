using Juso.Tests.Support;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Issue 3's journey in the browser: intake → assessment → plan with two role assignments → approval → support → monitoring.</summary>
public sealed class CoordinationJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_TakesACaseFromIntakeToAnApprovedPlan_AndRecordsAMonitoringReview()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", "/cases/new");
        await IntakeJourneyTests.ChooseAsync(page, "#intake-route", "電話");
        await page.GetByLabel("生活困窮").CheckAsync();
        await page.Locator("#intake-summary").FillAsync("家賃を滞納しており、母の介護も必要になってきた。");
        await page.Locator("#m1-family").FillAsync("長谷川");
        await page.Locator("#m1-given").FillAsync("進");
        await page.Locator("#m1-family-kana").FillAsync("ハセガワ");
        await page.Locator("#m1-given-kana").FillAsync("ススム");
        await page.GetByTestId("submit-intake").ClickAsync();
        await page.Locator("h1", new() { HasText = "長谷川　進" }).WaitForAsync();

        await page.GetByTestId("start-assessment").ClickAsync();
        await page.Locator(".chip-stage", new() { HasText = "アセスメント" }).WaitForAsync();
        await OpenTabAsync(page, "アセスメント");
        await page.GetByTestId("new-assessment").ClickAsync();
        await page.Locator("#assessment-Situation").FillAsync("本人と母の二人暮らし。本人は失業中で家賃を3か月滞納。");
        await page.Locator("#assessment-Wishes").FillAsync("母と今の家で暮らし続けたい。");
        await page.GetByTestId("save-assessment").ClickAsync();
        await page.GetByText("第1版（").WaitForAsync();

        await page.GetByTestId("start-planning").ClickAsync();
        await page.Locator(".chip-stage", new() { HasText = "プラン作成" }).WaitForAsync();
        await OpenTabAsync(page, "プラン");
        await page.GetByTestId("create-plan").ClickAsync();
        await page.GetByTestId("save-draft").WaitForAsync();
        await page.Locator("#goal-1-text").FillAsync("家計が安定し、母と暮らし続ける");
        await page.Locator("#goal-2-text").FillAsync("3か月で滞納を解消する");
        await IntakeJourneyTests.ChooseAsync(page, "#plan-lead", "くらしサポートセンター");
        await page.GetByTestId("save-draft").ClickAsync();
        await page.GetByText("目標と設定を保存しました。").WaitForAsync();

        await AddAssignmentAsync(page, "くらしサポートセンター", "家計相談と就労準備支援");
        await AddAssignmentAsync(page, "東部地域包括支援センター", "母の介護サービスの調整");
        await BrowserFixture.ScreenshotAsync(page, "plan-draft");

        await page.GetByTestId("approve-plan").ClickAsync();
        await page.GetByTestId("plan-status").Filter(new() { HasText = "会議で承認" }).WaitForAsync();
        await page.GetByTestId("start-support").ClickAsync();
        await page.Locator(".chip-stage", new() { HasText = "支援中" }).WaitForAsync();

        await OpenTabAsync(page, "モニタリング");
        await page.Locator("#review-findings").FillAsync("家計相談を2回実施。就労準備支援の見学に行けた。");
        await page.GetByTestId("save-review").ClickAsync();
        var review = page.GetByTestId("review");
        await review.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "monitoring");

        Assert.Contains("就労準備支援の見学に行けた", await review.InnerTextAsync());
        await OpenTabAsync(page, "プラン");
        var rows = page.GetByTestId("assignment-table").Locator("tbody tr");
        await rows.First.WaitForAsync();
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("実施中", await page.GetByTestId("plan-status").InnerTextAsync());
    }

    private static async Task OpenTabAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true }).ClickAsync();
        await page.Locator(".mud-tab-active", new() { HasText = name }).WaitForAsync();
    }

    private static async Task AddAssignmentAsync(IPage page, string agency, string task)
    {
        var rows = page.GetByTestId("assignment-table").Locator("tbody tr");
        var before = await rows.CountAsync();
        await IntakeJourneyTests.ChooseAsync(page, "#assignment-agency", agency);
        await page.Locator("#assignment-person").FillAsync("担当者");
        await page.Locator("#assignment-task").FillAsync(task);
        await page.Locator("#assignment-frequency").FillAsync("月2回");
        await page.GetByTestId("save-assignment").ClickAsync();
        await page.GetByTestId("assignment-table").Locator("tr", new() { HasText = task }).WaitForAsync();
        Assert.Equal(before + 1, await rows.CountAsync());
    }
}
