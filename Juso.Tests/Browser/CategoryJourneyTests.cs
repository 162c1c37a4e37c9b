using Juso.Tests.Support;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

public sealed class CategoryJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Administrator_AddsACategoryByKeyboard_ThenIntakeOffersIt()
    {
        var admin = await NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "admin", "/admin/categories");
        await admin.GetByTestId("category-table").WaitForAsync();

        await admin.GetByTestId("new-category").FocusAsync();
        await admin.Keyboard.PressAsync("Enter");
        await admin.Locator("#category-name").WaitForAsync();
        await admin.Locator("#category-name").FocusAsync();
        await admin.Keyboard.TypeAsync("ゲーム・ネット依存");
        await admin.Keyboard.PressAsync("Tab");
        await admin.Keyboard.TypeAsync("GamingDisorder");
        await admin.Keyboard.PressAsync("Enter");

        var row = admin.GetByTestId("category-table").Locator("tr", new() { HasText = "ゲーム・ネット依存" });
        await row.WaitForAsync();
        Assert.Contains("GamingDisorder", await row.InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(admin, "admin-categories");

        var counter = await NewPageAsync();
        await BrowserFixture.SignInAsync(counter, "coordinator", "/cases/new");
        var offered = counter.GetByLabel("ゲーム・ネット依存");
        await offered.CheckAsync();
        Assert.True(await offered.IsCheckedAsync());
        // The categories are those of the intake date's 年度, in the master's order: the new one comes last.
        Assert.Equal("ゲーム・ネット依存", (await counter.Locator(".category-options label").AllInnerTextsAsync())[^1].Trim());
    }
}
