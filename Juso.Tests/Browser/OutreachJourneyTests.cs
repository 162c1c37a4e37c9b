using System.Text.RegularExpressions;
using Juso.Tests.Support;
using Microsoft.Playwright;
using static Juso.Tests.Browser.IntakeJourneyTests;

namespace Juso.Tests.Browser;

public sealed partial class OutreachJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Worry = "母の入院後、食事が取れているか分からない。10年ほど外出していない様子。";

    [Fact]
    public async Task Lead_ThreeAttempts_Relationship_Consent_BecomesAnIntakeWithWhatWasKnown()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", "/outreach");
        await page.GetByTestId("register-lead").ClickAsync();
        await page.Locator("#lead-description").FillAsync("桜町の○○さん宅の長男（40代）");
        await page.Locator("#lead-address").FillAsync("ひばり野市桜町3丁目7番地");
        await ChooseAsync(page, "#lead-source", "民生委員・児童委員");
        await page.Locator("#lead-source-note").FillAsync("桜町地区の民生委員");
        await page.Locator("#lead-worry").FillAsync(Worry);
        await ChooseAsync(page, "#lead-agency", "ひばり野市 福祉総合相談課");
        await page.GetByTestId("save-lead").ClickAsync();
        await page.WaitForURLAsync(LeadPath());
        await page.Locator("h1", new() { HasText = "桜町の○○さん宅の長男（40代）" }).WaitForAsync();
        var leadUrl = page.Url;

        foreach (var (method, outcome, note) in new[] { ("手紙", "不在", "自己紹介の手紙を投函。"), ("置き手紙", "不在", "訪問したが応答なし。"), ("訪問", "話せた", "玄関先で10分ほど話せた。") })
        {
            await ChooseAsync(page, "#attempt-method", method);
            await ChooseAsync(page, "#attempt-outcome", outcome);
            await page.Locator("#attempt-note").FillAsync(note);
            await page.GetByTestId("save-attempt").ClickAsync();
            await page.GetByTestId("attempt-list").GetByText(note).WaitForAsync();
        }
        Assert.Equal(3, await page.GetByTestId("attempt-row").CountAsync());

        await page.GetByTestId("stage-contacted").ClickAsync();
        await page.GetByTestId("stage-relationship").ClickAsync();
        await page.Locator(".lead-stages li.current", new() { HasText = "関係構築" }).WaitForAsync();
        await page.GetByTestId("open-consent").ClickAsync();
        await ChooseAsync(page, "#lead-consent-method", "口頭");
        await page.GetByTestId("save-consent").ClickAsync();
        await page.GetByTestId("convert-lead").ClickAsync();

        await page.GetByTestId("from-lead").WaitForAsync();
        Assert.Equal("ひばり野市桜町3丁目7番地", await page.Locator("#household-address").InputValueAsync());
        Assert.Contains(Worry, await page.Locator("#intake-summary").InputValueAsync());
        Assert.Contains("アウトリーチ", await page.Locator("#intake-route").InputValueAsync());
        // The lead's informant matches none of the 相談者 choices, so it is kept as その他 with its text.
        Assert.Equal("その他", await page.Locator("#intake-consulter").InputValueAsync());
        Assert.Equal("桜町地区の民生委員", await page.Locator("#intake-consulter-other").InputValueAsync());
        await page.Locator("#m1-family").FillAsync("桜井");
        await page.Locator("#m1-given").FillAsync("健一");
        await page.Locator("#m1-family-kana").FillAsync("サクライ");
        await page.Locator("#m1-given-kana").FillAsync("ケンイチ");
        await page.GetByLabel("ひきこもり").CheckAsync();
        await page.GetByTestId("submit-intake").ClickAsync();

        await page.WaitForURLAsync(CasePath());
        await page.Locator("h1", new() { HasText = "桜井　健一" }).WaitForAsync();
        var caseUrl = page.Url;
        await page.GotoAsync(leadUrl);
        await page.GetByTestId("converted-case").WaitForAsync();
        Assert.Contains("支援につながった", await page.Locator(".lead-stages li.current").InnerTextAsync());
        Assert.EndsWith(await page.GetByTestId("converted-case").Locator("a").GetAttributeAsync("href") ?? "-", caseUrl);
    }

    [GeneratedRegex(@"/outreach/\d+$")]
    private static partial Regex LeadPath();

    [GeneratedRegex(@"/cases/\d+$")]
    private static partial Regex CasePath();
}
