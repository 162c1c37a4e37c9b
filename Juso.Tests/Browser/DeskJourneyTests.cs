using System.Diagnostics;
using System.Text.RegularExpressions;
using Juso.Domain.Cases;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Issue 12 items 6, 8 and 9 at a caseworker's desk (1366 px): feedback at the speed of the save, 和暦 in and out, layouts that fit.</summary>
public sealed partial class DeskJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ContactTab_EachSaveConfirmsWithinASecond_NotQueuedBehindTheLastOne()
    {
        var caseId = await CaseInAsync(CaseStage.Support);
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", $"/cases/{caseId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "支援経過", Exact = true }).ClickAsync();
        await page.Locator("#contact-content").WaitForAsync();

        foreach (var content in new[] { "電話で近況を確認した。", "続けて訪問の日程を伝えた。" })
        {
            await IntakeJourneyTests.ChooseAsync(page, "#contact-kind", "電話");
            await page.Locator("#contact-content").FillAsync(content);
            var clock = Stopwatch.StartNew();
            await page.GetByTestId("save-contact").ClickAsync();
            await page.Locator(".mud-snackbar", new() { HasText = "支援経過を記録しました" }).WaitForAsync(new() { Timeout = 5_000 });
            var elapsed = clock.Elapsed;

            Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the confirmation of save {content} came after {elapsed.TotalMilliseconds:F0} ms");
            Assert.Equal(1, await page.Locator(".mud-snackbar").CountAsync());
            await page.GetByTestId("contact-row").Filter(new() { HasText = content }).WaitForAsync();
        }
    }

    [Fact]
    public async Task CasePage_At1366_ShowsEveryTab_AndDatesInWarekiWithTheWeekday()
    {
        var caseId = await CaseInAsync(CaseStage.Support);
        var page = await NewPageAsync(1366, 768);
        await BrowserFixture.SignInAsync(page, "coordinator", $"/cases/{caseId}");
        var tabs = page.GetByRole(AriaRole.Tab);
        await tabs.First.WaitForAsync();

        var bar = await page.Locator(".case-tabs .mud-tabs-tabbar-wrapper, .case-tabs .mud-tabs-toolbar-wrapper").First.BoundingBoxAsync();
        Assert.NotNull(bar);
        Assert.Equal(10, await tabs.CountAsync());
        foreach (var tab in await tabs.AllAsync())
        {
            var box = await tab.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= bar.X - 1 && box.X + box.Width <= bar.X + bar.Width + 1 && box.X + box.Width <= 1366,
                $"tab {await tab.InnerTextAsync()} is cut off at 1366 px");
        }
        Assert.Equal(0, await page.Locator(".case-tabs .mud-tabs-scroll-button:visible").CountAsync());

        await page.GetByRole(AriaRole.Tab, new() { Name = "プラン", Exact = true }).ClickAsync();
        await page.GetByTestId("plan-status").First.WaitForAsync();
        Assert.Matches(Wareki(), await page.Locator(".mud-tabs-panels").InnerTextAsync());
        await AssertNoLabelCutOffAsync(page);

        await page.GetByRole(AriaRole.Tab, new() { Name = "履歴", Exact = true }).ClickAsync();
        var time = page.GetByTestId("timeline").Locator(".timeline-time").First;
        await time.WaitForAsync();
        Assert.Matches(WarekiTime(), await time.InnerTextAsync());

        await page.GotoAsync("/meetings");
        await page.GetByTestId("meeting-link").First.WaitForAsync();
        Assert.Matches(WarekiTime(), await page.GetByTestId("meeting-link").First.InnerTextAsync());
    }

    [Fact]
    public async Task OverdueList_At1366_NeverBreaksANameOrAnAgencyMidWord_AndShowsDueDatesInWareki()
    {
        var page = await NewPageAsync(1366, 768);
        await BrowserFixture.SignInAsync(page, "supervisor", "/monitoring/overdue");
        var table = page.GetByTestId("overdue-table");
        await table.Locator("tbody tr").First.WaitForAsync();

        Assert.Matches(Wareki(), await table.Locator("tbody tr").First.InnerTextAsync());
        // 本人 and 担当 on one line; 主担当機関 wraps, if at all, only at its bracketed part: a Range over the name has one line box.
        var broken = await table.EvaluateAsync<string[]>("""
            t => [...t.querySelectorAll('tbody tr')].flatMap(r => [...r.cells].slice(1, 4)).filter(td => {
                const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
                let node = walker.nextNode();
                while (node && !node.textContent.trim()) node = walker.nextNode();
                if (!node) return false;
                const cut = node.textContent.indexOf('（');
                const range = document.createRange();
                range.setStart(node, 0);
                range.setEnd(node, cut > 0 ? cut : node.textContent.length);
                return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size > 1;
            }).map(td => td.innerText)
            """);
        Assert.Empty(broken);
    }

    [Fact]
    public async Task IntakeDate_TakesWarekiAndSeireki_RefusesADayThatDoesNotExist_AndTheCaseShowsTheDayInWarekiWithItsWeekday()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", "/cases/new");
        var date = page.Locator("#intake-date");
        // The form appears once the circuit rendered it; nothing is typed before the field takes input.
        await Assertions.Expect(date).ToBeEditableAsync();
        var under = date.Locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-input-control ')][1]").Locator(".mud-input-helper-text");

        await EnterAsync(date, "令和8年2月30日");
        await Assertions.Expect(under).ToContainTextAsync("「令和8年2月30日」という日はありません（2月は28日までです）。");
        // Each entry waits for the server's reading of it (the text rewritten as 西暦, the day read under the field):
        // typing on while that render is under way would have the field's text replaced by it.
        foreach (var (typed, shown, read) in new[]
        {
            ("令和8年4月2日", "2026/04/02", "令和8年4月2日（木）"),
            ("2026-04-03", "2026/04/03", "令和8年4月3日（金）"),
            ("R8.4.1", "2026/04/01", "令和8年4月1日（水）"),
        })
        {
            await EnterAsync(date, typed);
            await Assertions.Expect(date).ToHaveValueAsync(shown);
            await Assertions.Expect(under).ToHaveTextAsync(read);
        }

        await IntakeJourneyTests.ChooseAsync(page, "#intake-route", "電話");
        await page.GetByLabel("ひきこもり").CheckAsync();
        await page.Locator("#intake-summary").FillAsync("母から電話。40代の長男が家から出ない。");
        await page.Locator("#household-address").FillAsync("ひばり野市西町3丁目8番地");
        await page.Locator("#m1-family").FillAsync("大森");
        await page.Locator("#m1-given").FillAsync("健太");
        await page.Locator("#m1-family-kana").FillAsync("オオモリ");
        await page.Locator("#m1-given-kana").FillAsync("ケンタ");
        await page.GetByTestId("submit-intake").ClickAsync();

        // The case page, or the form's messages if the intake was refused: the test then says which.
        var errors = page.GetByTestId("form-errors");
        await Detail(page, "受付日").Or(errors).First.WaitForAsync();
        Assert.False(await errors.IsVisibleAsync(), await errors.IsVisibleAsync() ? await errors.InnerTextAsync() : null);
        await Assertions.Expect(page).ToHaveURLAsync(CasePath());
        await Assertions.Expect(Detail(page, "受付日")).ToContainTextAsync("令和8年4月1日（水）");
    }

    private static async Task EnterAsync(ILocator field, string text)
    {
        await field.FillAsync(text);
        await field.PressAsync("Tab");
    }

    private static ILocator Detail(IPage page, string term) =>
        page.Locator("dt", new() { HasTextRegex = new Regex($"^{term}$") }).Locator("xpath=following-sibling::dd[1]");

    /// <summary>Every visible field label shows its whole text.</summary>
    private static async Task AssertNoLabelCutOffAsync(IPage page)
    {
        var cut = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('label.mud-input-label')].filter(l => l.offsetParent !== null && l.scrollWidth > l.clientWidth + 1).map(l => l.innerText)
            """);
        Assert.Empty(cut);
    }

    private async Task<int> CaseInAsync(CaseStage stage)
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        return await db.Cases.Where(c => c.Stage == stage).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }

    [GeneratedRegex(@"/cases/\d+$")]
    private static partial Regex CasePath();

    [GeneratedRegex("(令和|平成)(元|[0-9]+)年[0-9]+月[0-9]+日（[月火水木金土日]）")]
    private static partial Regex Wareki();

    [GeneratedRegex("^(令和|平成)(元|[0-9]+)年[0-9]+月[0-9]+日（[月火水木金土日]） ?[0-9]{2}:[0-9]{2}$")]
    private static partial Regex WarekiTime();
}
