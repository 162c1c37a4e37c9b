using System.Net;
using System.Text.RegularExpressions;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Security;

/// <summary>The sign-in form and security headers over real HTTP against the real app.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SignInEndpointTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Pages_WithoutSignIn_RedirectToSignIn()
    {
        using var client = Client();
        var response = await client.GetAsync("/cases/1");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignInPage_SendsSecurityHeaders_AndAnAntiforgeryToken()
    {
        using var client = Client();
        var response = await client.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("__RequestVerificationToken", html);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = Client();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "coordinator",
            ["Input.Password"] = BrowserFixture.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("Juso.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountQuietly_AnsweringLikeAnUnknownName()
    {
        using var client = Client();
        for (var i = 0; i < 5; i++)
        {
            var real = ErrorMessage(await PostSignInAsync(client, "chair", "wrong password " + i));
            var unknown = ErrorMessage(await PostSignInAsync(client, "nobody-here", "wrong password " + i));
            Assert.Equal(unknown, real);
            Assert.StartsWith("ユーザー名またはパスワードが正しくありません。", real);
        }

        var locked = await PostSignInAsync(client, "chair", BrowserFixture.DemoPassword);

        // Locked: the right password is refused with the same answer an unknown name gets; only the audit log tells.
        Assert.Equal(ErrorMessage(await PostSignInAsync(client, "nobody-here", BrowserFixture.DemoPassword)), ErrorMessage(locked));
        Assert.DoesNotContain("ロック", locked);
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.LockedOut));
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignInFailed && a.UserName == "石田 美穂"));
        await UnlockAsync("chair");
    }

    private static string ErrorMessage(string html) => LoginError().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException("no sign-in error shown");

    /// <summary>The browser tests share this server and sign in as the chair too: undo the lockout, as an administrator would.</summary>
    private async Task UnlockAsync(string userName)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Juso.Infrastructure.Identity.JusoUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    [Fact]
    public async Task SessionProbe_SaysWhetherTheSessionStillExists_AndIsNeverCached()
    {
        using var client = Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Juso.Portal.Features.Account.AccountEndpoints.SessionPath)).StatusCode);

        var form = await client.GetStringAsync("/account/login");
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
            ["Input.UserName"] = "member.east",
            ["Input.Password"] = BrowserFixture.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var alive = await client.GetAsync(Juso.Portal.Features.Account.AccountEndpoints.SessionPath);
        Assert.Equal(HttpStatusCode.NoContent, alive.StatusCode);
        Assert.Contains("no-store", alive.Headers.CacheControl!.ToString());

        // The session ends elsewhere (an administrator, another tab signing out): the same cookie no longer counts.
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Juso.Infrastructure.Identity.JusoUser>>().FindByNameAsync("member.east");
            await scope.ServiceProvider.GetRequiredService<Juso.Infrastructure.Identity.SessionStore>().EndAllAsync(user!.Id, "SignedOut");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Juso.Portal.Features.Account.AccountEndpoints.SessionPath)).StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownUser_GetsTheSameMessageAsAWrongPassword()
    {
        using var client = Client();
        var html = await PostSignInAsync(client, "nobody-here", "some password here");
        Assert.Contains("ユーザー名またはパスワードが正しくありません。", html);
    }

    [Fact]
    public async Task SignIn_UserNameWithNoncharacterFFFE_GetsTheSameMessageInsteadOfAnError()
    {
        // Regression: Identity's name normalizer threw on U+FFFE (valid UTF-8 in a form post) and the page answered 500.
        using var client = Client();
        var html = await PostSignInAsync(client, "coordinator\ufffe", "some password here");
        Assert.Contains("ユーザー名またはパスワードが正しくありません。", html);
    }

    /// <summary>A plain HTTP client over the loopback socket, keeping cookies like a browser.</summary>
    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.Server.BaseUrl) };

    private static async Task<string> PostSignInAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = Token().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        // Blazor encodes Japanese text as character references; compare what a browser would show.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();
}
