using Juso.Tests.Support;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>
/// 台帳の取り込み in the browser: upload → mapping → preview with errors and unknown values → fixed ledger → an unknown agency
/// mapped by keyboard → commit → the cases are in the list and in the report of their 年度.
/// </summary>
public sealed class ImportJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // 平成27年度: far from the demo's years, so the other tests' figures are untouched.
    private const string Headings = "管理番号,受付日,氏名,ふりがな,相談分類,ひきこもり,紹介元機関";

    [Fact]
    public async Task UploadPreviewWithErrorsFixMapAnAgencyAndCommit_CasesAppearInTheListAndTheReport()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", "/admin/import");
        await page.Locator("h1", new() { HasText = "台帳の取り込み" }).WaitForAsync();

        await UploadAsync(page, "台帳_誤りあり.csv", Ledgers.Cp932(Headings, "BR-1,平成27年4月1日,取込 一子,とりこみ かずこ,不就労,○,", "BR-2,平成27年2月30日,取込 二郎,とりこみ じろう,宇宙,,"));
        await page.GetByTestId("mapping-table").WaitForAsync();
        Assert.Equal("LedgerNumber", await page.GetByTestId("map-0").InputValueAsync());
        Assert.Equal("category:Hikikomori", await page.GetByTestId("map-5").InputValueAsync());
        await page.GetByTestId("preview").ClickAsync();
        var problems = page.GetByTestId("import-problems");
        await problems.WaitForAsync();
        await problems.Locator("tr", new() { HasText = "3行目" }).Filter(new() { HasText = "2月は28日まで" }).WaitForAsync();
        await problems.Locator("tr", new() { HasText = "3行目" }).Filter(new() { HasText = "「宇宙」は分類マスタにありません" }).WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("commit").CountAsync());
        await page.GetByTestId("unknown-row").Filter(new() { HasText = "宇宙" }).WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "admin-import-errors");

        await UploadAsync(page, "台帳_修正.csv", Ledgers.Utf8(Headings, "BR-1,平成27年4月1日,取込 一子,とりこみ かずこ,不就労,○,東部包括センター",
            "BR-2,平成28年2月29日,取込 二郎,とりこみ じろう,8050,,"));
        // The new file is read before its preview is asked for.
        await page.Locator("#mapping-heading", new() { HasText = "台帳_修正.csv" }).WaitForAsync();
        await page.GetByTestId("preview").ClickAsync();
        await page.GetByTestId("unknown-row").Filter(new() { HasText = "東部包括センター" }).WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("commit").CountAsync());
        // A coordinator maps the unknown agency to a registered one (creating one is for administrators), by keyboard.
        await page.Locator("#unknown-0").FocusAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "東部地域包括支援センター" }).WaitForAsync();
        Assert.Equal(0, await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "新しく登録する" }).CountAsync());
        Assert.NotEqual("東部地域包括支援センター", await page.Locator(".mud-popover-open .mud-list-item").First.InnerTextAsync());
        // The list opened on focus with every agency; Enter at once after typing picks from the list for the text typed.
        await page.Keyboard.TypeAsync("東部");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#unknown-0")).ToHaveValueAsync("東部地域包括支援センター");
        await page.GetByTestId("recheck").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("preview-summary").Filter(new() { HasText = "新規 2件" }).WaitForAsync();
        await page.GetByTestId("commit").ClickAsync();
        await page.GetByTestId("import-done").Filter(new() { HasText = "新規 2件、更新 0件、変更なし 0件" }).WaitForAsync();

        await page.GotoAsync("/cases");
        await page.Locator("#filter-text").FillAsync("とりこみ");
        await page.GetByTestId("search-button").ClickAsync();
        await page.GetByTestId("case-table").Locator("tr", new() { HasText = "取込" }).Nth(1).WaitForAsync();

        // Both rows' intake falls in 平成27年度 (2016/2/29 included): the report counts them as its new cases.
        await page.GotoAsync("/reports");
        await page.GetByTestId("report-table").WaitForAsync();
        await ChooseYearAsync(page, "to-year", "平成27年度");
        await ChooseYearAsync(page, "from-year", "平成27年度");
        await page.GetByTestId("show-report").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cell-new-2015")).ToHaveTextAsync("2");
    }

    private static async Task ChooseYearAsync(IPage page, string testId, string year)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = year }).First.ClickAsync();
        await page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    private static async Task UploadAsync(IPage page, string name, byte[] content) =>
        await page.Locator("#ledger-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
}
