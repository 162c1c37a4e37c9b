using System.Net;
using System.Text.RegularExpressions;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Account;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Juso.Tests.Security;

/// <summary>Two-step verification with an authenticator app, over real HTTP; the test computes the codes an app would show.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TwoFactorTests(BrowserFixture fixture)
{
    private const string Password = "kawasemi-meadow-2026";

    [Fact]
    public async Task SignIn_WithTwoFactor_AsksForTheCode_AndStartsASessionOnlyWithTheRightOne()
    {
        var user = await PortalForms.CreateUserAsync(fixture.Server.Services, "mfa.code", Password);
        using var setup = PortalForms.Client(fixture.Server.BaseUrl);
        await PortalForms.SignInAsync(setup, "mfa.code", Password);
        var (key, _) = await EnableAsync(setup);
        // Turning it on renews the security stamp; the browser that did it stays signed in.
        Assert.Equal(HttpStatusCode.NoContent, (await setup.GetAsync(AccountEndpoints.SessionPath)).StatusCode);

        using var client = PortalForms.Client(fixture.Server.BaseUrl);
        var (afterPassword, html) = await PortalForms.SignInAsync(client, "mfa.code", Password);
        Assert.Equal(HttpStatusCode.OK, afterPassword.StatusCode);
        Assert.Contains("認証アプリに表示されている6桁の確認コード", html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AccountEndpoints.SessionPath)).StatusCode);

        var right = NextCode(key);
        var (wrongResponse, wrongHtml) = await PostCodeAsync(client, right == "000000" ? "111111" : "000000");
        Assert.Equal(HttpStatusCode.OK, wrongResponse.StatusCode);
        Assert.Contains("確認コードが正しくありません。", wrongHtml);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AccountEndpoints.SessionPath)).StatusCode);

        var (signedIn, _) = await PostCodeAsync(client, right);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync(AccountEndpoints.SessionPath)).StatusCode);
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == user.Id && a.Action == AuditAction.TwoFactorEnabled));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == user.Id && a.Action == AuditAction.SignedIn && a.Detail == "パスワードと認証アプリ"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == user.Id && a.Action == AuditAction.SignInFailed && a.Detail == "認証コードの誤り"));
    }

    [Fact]
    public async Task TwoFactorPage_FirstVisit_LeavesTheSessionsOpenPagesSignedIn()
    {
        var user = await PortalForms.CreateUserAsync(fixture.Server.Services, "mfa.visit", Password);
        using var client = PortalForms.Client(fixture.Server.BaseUrl);
        await PortalForms.SignInAsync(client, "mfa.visit", Password);
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var stampOfOpenPages = await users.GetSecurityStampAsync((await users.FindByIdAsync(user.Id))!);

        var page = await client.GetStringAsync("/account/two-factor");

        Assert.Contains("authenticator-key", page);
        // The page it was opened from holds the stamp of sign-in until the browser leaves it; a new stamp would sign it out.
        await using var after = fixture.Server.Services.CreateAsyncScope();
        var reloaded = after.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var stored = (await reloaded.FindByIdAsync(user.Id))!;
        Assert.Equal(stampOfOpenPages, await reloaded.GetSecurityStampAsync(stored));
        Assert.False(string.IsNullOrEmpty(await reloaded.GetAuthenticatorKeyAsync(stored)));
        // The same key on the next visit, until it is confirmed.
        Assert.Equal(Key().Match(WebUtility.HtmlDecode(page)).Groups[1].Value, Key().Match(WebUtility.HtmlDecode(await client.GetStringAsync("/account/two-factor"))).Groups[1].Value);
    }

    [Fact]
    public async Task SignIn_WithARecoveryCode_WorksOnlyOnce()
    {
        await PortalForms.CreateUserAsync(fixture.Server.Services, "mfa.recovery", Password);
        using var setup = PortalForms.Client(fixture.Server.BaseUrl);
        await PortalForms.SignInAsync(setup, "mfa.recovery", Password);
        var (_, recoveryCodes) = await EnableAsync(setup);
        Assert.Equal(10, recoveryCodes.Count);

        using var first = PortalForms.Client(fixture.Server.BaseUrl);
        await PortalForms.SignInAsync(first, "mfa.recovery", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCodeAsync(first, recoveryCodes[0])).Response.StatusCode);

        using var second = PortalForms.Client(fixture.Server.BaseUrl);
        await PortalForms.SignInAsync(second, "mfa.recovery", Password);
        Assert.Contains("確認コードが正しくありません。", (await PostCodeAsync(second, recoveryCodes[0])).Html);
    }

    [Fact]
    public async Task TwoFactorPage_DisableWithThePassword_SignInAsksForNoCodeAgain()
    {
        await PortalForms.CreateUserAsync(fixture.Server.Services, "mfa.off", Password);
        using var client = PortalForms.Client(fixture.Server.BaseUrl);
        await PortalForms.SignInAsync(client, "mfa.off", Password);
        await EnableAsync(client);

        var (_, wrong) = await PortalForms.PostAsync(client, "/account/two-factor", "disable-two-factor", new Dictionary<string, string> { ["Disable.Password"] = "not the password" });
        Assert.Contains("パスワードが正しくありません。", wrong);
        var (_, html) = await PortalForms.PostAsync(client, "/account/two-factor", "disable-two-factor", new Dictionary<string, string> { ["Disable.Password"] = Password });

        Assert.Contains("2段階認証を無効にしました。", html);
        using var again = PortalForms.Client(fixture.Server.BaseUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalForms.SignInAsync(again, "mfa.off", Password)).Response.StatusCode);
    }

    [Fact]
    public async Task SignIn_TheSameCodeAgain_IsRefused_EvenWhileItIsStillValid()
    {
        await PortalForms.CreateUserAsync(fixture.Server.Services, "mfa.replay", Password);
        using var setup = PortalForms.Client(fixture.Server.BaseUrl);
        await PortalForms.SignInAsync(setup, "mfa.replay", Password);
        var (key, _) = await EnableAsync(setup);
        var code = NextCode(key);
        using var first = PortalForms.Client(fixture.Server.BaseUrl);
        await PortalForms.SignInAsync(first, "mfa.replay", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCodeAsync(first, code)).Response.StatusCode);

        // Someone who saw the code over the user's shoulder, and knows the password, tries it at once.
        using var second = PortalForms.Client(fixture.Server.BaseUrl);
        await PortalForms.SignInAsync(second, "mfa.replay", Password);
        var (_, html) = await PostCodeAsync(second, code);

        Assert.Contains("確認コードが正しくありません。", html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(AccountEndpoints.SessionPath)).StatusCode);
    }

    /// <summary>
    /// The app's code of the next 30-second step (accepted: phones drift): the code that turned the authenticator on
    /// is used up, and a code counts once.
    /// </summary>
    private static string NextCode(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    /// <summary>Reads the key off the page, as a user types it into an app, and confirms with the app's code.</summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/two-factor"));
        var key = Key().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);
        Assert.Contains($"otpauth://totp/Juso", page);
        var (_, html) = await PortalForms.PostAsync(client, "/account/two-factor", "enable-two-factor", new Dictionary<string, string>
        {
            ["Enable.Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(),
        });
        Assert.Contains("2段階認証を有効にしました。", html);
        return (key, RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList());
    }

    private static Task<(HttpResponseMessage Response, string Html)> PostCodeAsync(HttpClient client, string code) =>
        PortalForms.PostAsync(client, "/account/login", "two-factor", new Dictionary<string, string> { ["Code.Value"] = code });

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z0-9 ]+)<")]
    private static partial Regex Key();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
