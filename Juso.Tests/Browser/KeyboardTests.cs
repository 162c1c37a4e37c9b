using System.Text.RegularExpressions;
using Juso.Tests.Support;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>The daily path works by keyboard alone: skip link, search, open a case, switch tabs.</summary>
public sealed partial class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task CaseList_ByKeyboardOnly_SearchesAndOpensACase()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", "/cases");
        await page.GetByTestId("case-table").WaitForAsync();

        // After a navigation the page heading has focus, and the first stop of the page is the skip link.
        Assert.Equal("ケース一覧", await ActiveTextAsync(page));
        Assert.Equal("本文へスキップ", await page.EvaluateAsync<string>("() => document.querySelector('a[href], button, input, select, textarea').innerText"));

        await TabUntilAsync(page, "filter-text");
        await page.Keyboard.TypeAsync("さとう");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "件中" }).WaitForAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=case-table] tbody tr')].every(r => r.innerText.includes('サトウ'))");

        await TabUntilAsync(page, null, "case-link");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(CasePath());
        // Tabs follow the ARIA pattern: Tab reaches the selected tab, arrow keys move between tabs.
        await TabUntilAsync(page, null, "mud-tab-active");
        // The focus moves after a round trip to the server: wait for each move before the next key.
        for (var i = 0; i < 12 && await ActiveTextAsync(page) != "履歴"; i++)
        {
            var before = await ActiveTextAsync(page);
            await page.Keyboard.PressAsync("ArrowRight");
            await page.WaitForFunctionAsync("before => (document.activeElement?.innerText ?? '') !== before", before);
        }
        Assert.Equal("履歴", await ActiveTextAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("timeline").WaitForAsync();
    }

    [Fact]
    public async Task ResourceDirectory_ByKeyboardOnly_SearchesByWords()
    {
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "coordinator", "/participation/resources");
        await page.GetByTestId("resource-table").WaitForAsync();

        await TabUntilAsync(page, "resource-text");
        await page.Keyboard.TypeAsync("農作業");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForFunctionAsync("() => { const rows = [...document.querySelectorAll('[data-testid=resource-row]')]; return rows.length === 1 && rows[0].innerText.includes('ひばり野農園'); }");
    }

    private static Task<string> ActiveTextAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.innerText ?? ''");

    /// <summary>Presses Tab until the focused element has the id or class given; fails after 60 presses.</summary>
    private static async Task TabUntilAsync(IPage page, string? id, string? className = null)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("() => [document.activeElement?.id ?? '', document.activeElement?.className ?? '']");
            if ((id is not null && focused[0] == id) || (className is not null && focused[1].Contains(className, StringComparison.Ordinal)))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {id ?? className}.");
    }

    [GeneratedRegex(@"/cases/\d+$")]
    private static partial Regex CasePath();
}
