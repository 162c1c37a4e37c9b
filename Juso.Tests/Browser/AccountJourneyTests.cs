using Juso.Tests.Support;
using OtpNet;

namespace Juso.Tests.Browser;

/// <summary>The user's own sign-in settings, from the app bar, by keyboard.</summary>
public sealed class AccountJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task PasswordPage_FromTheAppBar_ChangesThePasswordByKeyboard()
    {
        await PortalForms.CreateUserAsync(Fixture.Server.Services, "pw.journey", "kawasemi-meadow-2026");
        var page = await NewPageAsync();
        await SignInWithPasswordAsync(page, "pw.journey");
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

    [Fact]
    public async Task TwoFactorPage_EnableFromTheAppBar_ThenSignInAsksForTheCode()
    {
        await PortalForms.CreateUserAsync(Fixture.Server.Services, "mfa.journey", "kawasemi-meadow-2026");
        var page = await NewPageAsync();
        await SignInWithPasswordAsync(page, "mfa.journey");
        await page.GetByTestId("user-name").WaitForAsync();

        await page.GetByTestId("two-factor").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var keyText = page.GetByTestId("authenticator-key");
        await keyText.WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "account-two-factor");
        var key = Base32Encoding.ToBytes((await keyText.TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        await page.Locator("#enable-code").FocusAsync();
        await page.Keyboard.TypeAsync(new Totp(key).ComputeTotp());
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("recovery-codes").WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, "account-two-factor-enabled");

        var next = await NewPageAsync();
        await SignInWithPasswordAsync(next, "mfa.journey");
        await next.Locator("#code").WaitForAsync();
        await AccessibilityTests.AssertAccessibleAsync(next, "login-code");
        await next.Locator("#code").FocusAsync();
        // The app's next code: the one that turned it on is used up (a code counts once).
        await next.Keyboard.TypeAsync(new Totp(key).ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await next.Keyboard.PressAsync("Enter");
        await next.GetByTestId("user-name").WaitForAsync();
    }

    private static async Task SignInWithPasswordAsync(Microsoft.Playwright.IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync("kawasemi-meadow-2026");
        await page.Keyboard.PressAsync("Enter");
    }
}
