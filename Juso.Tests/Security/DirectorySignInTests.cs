using System.Net;
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

/// <summary>Who a directory account signs in as: over real HTTP through the test provider, and the matching service itself.</summary>
[Collection(DirectoryCollection.Name)]
public sealed class DirectorySignInTests(DirectoryFixture fixture)
{
    [Fact]
    public async Task SignIn_LinkedSubject_SignsInAsTheLinkedUserWhateverTheEmail()
    {
        await LinkAsync("supervisor", "oidc-http-supervisor");
        fixture.Provider.SignedInAs = new DirectoryPerson("oidc-http-supervisor", "changed-address@example.lg.jp");
        using var client = Client();

        var html = await SignInThroughDirectoryAsync(client);

        Assert.Contains("サインインしています", html);
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync(AccountEndpoints.SessionPath)).StatusCode);
        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.DoesNotContain("id=\"username\"", home);
    }

    [Fact]
    public async Task SignIn_DisabledUser_IsRefusedLikeALocalSignIn_AndNotLinked()
    {
        await SetActiveAsync("member.children", false);
        try
        {
            fixture.Provider.SignedInAs = new DirectoryPerson("oidc-http-disabled", "member.children@hibarino.example");
            using var client = Client();

            var html = await SignInThroughDirectoryAsync(client);

            Assert.Contains("このアカウントは現在 Juso を利用できません。管理者に連絡してください。", html);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AccountEndpoints.SessionPath)).StatusCode);
            await using var db = await Db();
            Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey == "oidc-http-disabled"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignInFailed && a.UserName == "西田 真理" && a.Detail == "無効化されたアカウント（庁内アカウント）"));
        }
        finally
        {
            await SetActiveAsync("member.children", true);
        }
    }

    [Fact]
    public async Task SignIn_DirectoryRefuses_ShowsTheJapanesePage_NotAnError()
    {
        fixture.Provider.Refuses = true;
        try
        {
            using var client = Client();

            var html = await SignInThroughDirectoryAsync(client);

            Assert.Contains("庁内アカウントでのサインインを完了できませんでした。もう一度お試しください。", html);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AccountEndpoints.SessionPath)).StatusCode);
        }
        finally
        {
            fixture.Provider.Refuses = false;
        }
    }

    [Fact]
    public async Task SignIn_UserWithJusosAuthenticator_DirectoryCheckedOnlyAPassword_AsksForTheCodeBeforeASessionExists()
    {
        var key = await UserWithAuthenticatorAsync("oidc.mfa.code", "oidc-http-mfa-code");
        fixture.Provider.SignedInAs = new DirectoryPerson("oidc-http-mfa-code", null, ["pwd"]);
        using var client = Client();

        var html = await SignInThroughDirectoryAsync(client, expectCallback: false);

        Assert.Contains("認証アプリに表示されている6桁の確認コード", html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AccountEndpoints.SessionPath)).StatusCode);
        var codeStep = LoginPage.CodeStepUrl("/");
        Assert.Contains("確認コードが正しくありません。", (await PortalForms.PostAsync(client, codeStep, "two-factor", Code(WrongCode(key)))).Html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AccountEndpoints.SessionPath)).StatusCode);

        await PortalForms.PostAsync(client, codeStep, "two-factor", Code(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp()));

        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync(AccountEndpoints.SessionPath)).StatusCode);
        await using var db = await Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignedIn && a.UserName == "テスト oidc.mfa.code" && a.Detail == "庁内アカウントと認証アプリ"));
    }

    [Fact]
    public async Task SignIn_UserWithJusosAuthenticator_DirectorySaysItCheckedASecondFactor_SignsInWithoutTheCode()
    {
        await UserWithAuthenticatorAsync("oidc.mfa.directory", "oidc-http-mfa-directory");
        fixture.Provider.SignedInAs = new DirectoryPerson("oidc-http-mfa-directory", null, ["pwd", "mfa"]);
        using var client = Client();

        var html = await SignInThroughDirectoryAsync(client);

        Assert.Contains("サインインしています", html);
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync(AccountEndpoints.SessionPath)).StatusCode);
        await using var db = await Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignedIn && a.UserName == "テスト oidc.mfa.directory" && a.Detail == "庁内アカウントでサインイン（多要素認証）"));
    }

    [Fact]
    public async Task Match_FirstSignInByEmail_LinksTheSubject_SoTheNextSignInFindsItBySubject()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectorySignInService>();

        var first = await service.MatchAsync(new DirectoryIdentity(fixture.Provider.Authority, "oidc-svc-chair", "CHAIR@hibarino.example", EmailUnverified: false), null);
        var second = await service.MatchAsync(new DirectoryIdentity(fixture.Provider.Authority, "oidc-svc-chair", null, EmailUnverified: false), null);

        Assert.Equal((DirectorySignInOutcome.SignedIn, "chair"), (first.Outcome, first.User!.UserName));
        Assert.Equal((DirectorySignInOutcome.SignedIn, "chair"), (second.Outcome, second.User!.UserName));
        await using var db = await Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.DirectoryAccountLinked && a.UserName == "石田 美穂"));
    }

    [Fact]
    public async Task Match_AnotherSubjectWithTheEmailOfALinkedUser_IsUnknown()
    {
        await LinkAsync("member.east", "oidc-svc-east");
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectorySignInService>();

        var other = await service.MatchAsync(new DirectoryIdentity(fixture.Provider.Authority, "oidc-svc-someone-else", "member.east@hibarino.example", EmailUnverified: false), null);

        Assert.Equal(DirectorySignInOutcome.Unknown, other.Outcome);
        Assert.Null(other.User);
    }

    [Fact]
    public async Task Match_EmailTheDirectoryDidNotVerify_IsUnknown()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectorySignInService>();

        var result = await service.MatchAsync(new DirectoryIdentity(fixture.Provider.Authority, "oidc-svc-unverified", "admin@hibarino.example", EmailUnverified: true), null);

        Assert.Equal(DirectorySignInOutcome.Unknown, result.Outcome);
        await using var db = await Db();
        Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey == "oidc-svc-unverified"));
    }

    /// <summary>The button's link, the provider, and back: the client follows every redirect, keeping cookies like a browser.</summary>
    /// <param name="expectCallback">False where the callback sends the browser on to the code step of the sign-in page.</param>
    private static async Task<string> SignInThroughDirectoryAsync(HttpClient client, bool expectCallback = true)
    {
        var response = await client.GetAsync(AccountEndpoints.DirectoryPath);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
        Assert.StartsWith(expectCallback ? AccountEndpoints.DirectoryCallbackPath : "/account/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.Server.BaseUrl) };

    private async Task<JusoDbContext> Db() =>
        await fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();

    private async Task LinkAsync(string userName, string subject)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        Assert.True((await users.AddLoginAsync(user, new UserLoginInfo(fixture.Provider.Authority, subject, "庁内アカウント"))).Succeeded);
    }

    /// <summary>A user of the test's own, linked to the directory subject, with Juso's authenticator turned on; returns its key.</summary>
    private async Task<string> UserWithAuthenticatorAsync(string userName, string subject)
    {
        var user = await PortalForms.CreateUserAsync(fixture.Server.Services, userName, "kawasemi-meadow-2026");
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        user = (await users.FindByIdAsync(user.Id))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        Assert.True((await users.AddLoginAsync(user, new UserLoginInfo(fixture.Provider.Authority, subject, "庁内アカウント"))).Succeeded);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    private static Dictionary<string, string> Code(string code) => new() { ["Code.Value"] = code };

    private static string WrongCode(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp() == "000000" ? "111111" : "000000";

    private async Task SetActiveAsync(string userName, bool active)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        user.IsActive = active;
        await users.UpdateAsync(user);
    }
}
