using Juso.Tests.Support;

namespace Juso.Tests.Browser;

/// <summary>The user's own sign-in settings, from the app bar, by keyboard.</summary>
public sealed class AccountJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task PasswordPage_FromTheAppBar_ChangesThePasswordByKeyboard()
    {
        await PortalForms.CreateUserAsync(Fixture.Server.Services, "pw.journey", "kawasemi-meadow-2026");
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync("pw.journey");
        await page.Locator("#password").FillAsync("kawasemi-meadow-2026");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("user-name").WaitForAsync();

        await page.GetByTestId("change-password").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#current-password").WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "account-password");
        await page.Locator("#current-password").FocusAsync();
        await page.Keyboard.TypeAsync("kawasemi-meadow-2026");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("hibari-river-lantern-7");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("hibari-river-lantern-7");
        await page.Keyboard.PressAsync("Enter");

        await page.GetByTestId("password-changed").WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "account-password-changed");
        // Still signed in in this browser.
        await page.GotoAsync("/");
        await page.GetByTestId("user-name").WaitForAsync();
    }
}
