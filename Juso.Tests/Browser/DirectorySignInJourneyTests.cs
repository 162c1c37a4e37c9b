using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Browser;

/// <summary>Signing in through the municipality's directory: a real OpenID provider, the real portal, Debian's Chromium.</summary>
[Collection(DirectoryCollection.Name)]
public sealed class DirectorySignInJourneyTests(DirectoryFixture fixture)
{
    [Fact]
    public async Task DirectoryButton_KnownUser_SignsInAsTheMatchedUserWithAServerSession()
    {
        fixture.Provider.SignedInAs = new DirectoryPerson("oidc-journey-coordinator", "coordinator@hibarino.example");
        var before = fixture.Provider.Authorizations;
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fcases");
        await AccessibilityTests.AssertAccessibleAsync(page, "login-directory");

        // By keyboard: the directory button follows the password form.
        await page.Locator("#password").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("庁内アカウントでサインイン", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");

        await page.GetByTestId("case-table").WaitForAsync();
        Assert.Equal("中川 浩二", await page.GetByTestId("user-name").TextContentAsync());
        Assert.EndsWith("/cases", page.Url);
        Assert.Equal(before + 1, fixture.Provider.Authorizations);

        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == "coordinator");
        Assert.True(await db.UserLogins.AnyAsync(l => l.UserId == user.Id && l.LoginProvider == fixture.Provider.Authority && l.ProviderKey == "oidc-journey-coordinator"));
        Assert.True(await db.UserSessions.AnyAsync(s => s.UserId == user.Id && s.EndedAt == null));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == user.Id && a.Action == AuditAction.SignedIn && a.Detail == "庁内アカウントでサインイン"));
    }

    [Fact]
    public async Task DirectoryButton_UnknownUser_SeesTheJapanesePage_AndNoAccountIsCreated()
    {
        fixture.Provider.SignedInAs = new DirectoryPerson("oidc-journey-stranger", "stranger@example.lg.jp");
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var users = await db.Users.CountAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.GetByTestId("directory-sign-in").ClickAsync();

        var error = page.GetByTestId("directory-error");
        await error.WaitForAsync();
        Assert.Equal("このアカウントは Juso に登録されていません。管理者に連絡してください。", await error.TextContentAsync());
        await AccessibilityTests.AssertAccessibleAsync(page, "directory-unknown");
        Assert.Equal(users, await db.Users.CountAsync());
        Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey == "oidc-journey-stranger"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignInFailed && a.Detail!.Contains("stranger@example.lg.jp")));
        // Nothing was signed in: the portal still sends this browser to the sign-in page.
        await page.GotoAsync("/cases");
        Assert.Contains("/account/login", page.Url);
    }
}
