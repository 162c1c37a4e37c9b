using System.Text.RegularExpressions;
using Juso.Tests.Support;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

public sealed partial class IntakeJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_SignsIn_TakesIntake_AndFindsItInTheList()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/cases");
        Assert.Contains("/account/login", page.Url);
        await BrowserFixture.SignInAsync(page, "coordinator", "/cases/new");
        await page.Locator("h1", new() { HasText = "相談受付" }).WaitForAsync();

        await ChooseAsync(page, "#intake-route", "窓口");
        await page.GetByLabel("ひきこもり").CheckAsync();
        await page.GetByLabel("不就労").CheckAsync();
        await page.Locator("#intake-summary").FillAsync("30代の長男が自室から出ない。母が市役所の窓口に来所して相談。");
        await page.Locator("#household-address").FillAsync("ひばり野市南町4丁目2番地");
        await page.Locator("#m1-family").FillAsync("森川");
        await page.Locator("#m1-given").FillAsync("拓真");
        await page.Locator("#m1-family-kana").FillAsync("もりかわ");
        await page.Locator("#m1-given-kana").FillAsync("タクマ");
        await page.Locator("#m1-birth").FillAsync("1992/07/15");
        await page.Locator("#m1-birth").PressAsync("Tab");
        await page.GetByTestId("add-member").ClickAsync();
        await page.Locator("#m2-family").FillAsync("森川");
        await page.Locator("#m2-given").FillAsync("典子");
        await page.Locator("#m2-family-kana").FillAsync("モリカワ");
        await page.Locator("#m2-given-kana").FillAsync("ノリコ");
        await ChooseAsync(page, "#m2-relationship", "父母");
        await BrowserFixture.ScreenshotAsync(page, "intake");

        await page.GetByTestId("submit-intake").ClickAsync();

        await page.WaitForURLAsync(CasePath());
        await page.Locator("h1", new() { HasText = "森川　拓真" }).WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "履歴" }).ClickAsync();
        await page.GetByText("相談を受け付けました（窓口、ひきこもり・不就労）").First.WaitForAsync();

        await page.GotoAsync("/cases");
        await page.Locator("#filter-text").FillAsync("もりかわ");
        await page.GetByTestId("search-button").ClickAsync();
        var row = page.GetByTestId("case-table").Locator("tr", new() { HasText = "森川　拓真" });
        await row.WaitForAsync();
        Assert.Contains("モリカワ　タクマ", await row.InnerTextAsync());
        Assert.Contains("受付", await row.InnerTextAsync());
    }

    [Fact]
    public async Task Intake_WithProblems_ShowsJapaneseMessages_AndStaysOnTheForm()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", "/cases/new");
        await page.Locator("#m1-family-kana").FillAsync("Tanaka");
        await page.Locator("#intake-date").FillAsync("2099/01/01");
        await page.Locator("#intake-date").PressAsync("Tab");

        await page.GetByTestId("submit-intake").ClickAsync();

        var summary = page.GetByTestId("form-errors");
        await summary.WaitForAsync();
        var text = await summary.InnerTextAsync();
        Assert.Contains("受付日に未来の日付は入力できません。", text);
        Assert.Contains("相談経路を選択してください。", text);
        Assert.Contains("氏（フリガナ）はカタカナまたはひらがなで入力してください。", text);
        Assert.EndsWith("/cases/new", page.Url);
    }

    /// <summary>Opens a MudSelect by keyboard-reachable click and picks the option with this text.</summary>
    internal static async Task ChooseAsync(IPage page, string inputSelector, string option)
    {
        await ListChoiceLog.StartAsync(page);
        await page.Locator(inputSelector).Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
        try
        {
            await page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"A list stayed open after 「{option}」 was chosen in {inputSelector}:\n{await ListChoiceLog.ReadAsync(page)}", e);
        }
    }

    [GeneratedRegex(@"/cases/\d+$")]
    private static partial Regex CasePath();
}
