using System.Net;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Account;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Security;

/// <summary>The user's own password change over real HTTP against the real app (the static form works without JavaScript).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordChangeTests(BrowserFixture fixture)
{
    private const string OldPassword = "kawasemi-meadow-2026";
    private const string NewPassword = "hibari-river-lantern-7";

    [Fact]
    public async Task ChangePassword_RightCurrentPassword_EndsTheOtherSessionsAndKeepsThisOne()
    {
        var user = await PortalForms.CreateUserAsync(fixture.Server.Services, "pw.change", OldPassword);
        using var here = PortalForms.Client(fixture.Server.BaseUrl);
        using var elsewhere = PortalForms.Client(fixture.Server.BaseUrl);
        await PortalForms.SignInAsync(here, "pw.change", OldPassword);
        await PortalForms.SignInAsync(elsewhere, "pw.change", OldPassword);

        var (_, html) = await ChangeAsync(here, OldPassword, NewPassword, NewPassword);

        Assert.Contains("パスワードを変更しました。", html);
        Assert.Equal(HttpStatusCode.NoContent, (await here.GetAsync(AccountEndpoints.SessionPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync(AccountEndpoints.SessionPath)).StatusCode);
        using var again = PortalForms.Client(fixture.Server.BaseUrl);
        Assert.Contains("ユーザー名またはパスワードが正しくありません。", (await PortalForms.SignInAsync(again, "pw.change", OldPassword)).Html);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalForms.SignInAsync(again, "pw.change", NewPassword)).Response.StatusCode);
        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == user.Id && a.Action == AuditAction.PasswordChanged));
        Assert.Equal("PasswordChanged", (await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt != null).SingleAsync()).EndReason);
    }

    [Theory]
    [InlineData("pw.wrong", "wrong current password", NewPassword, NewPassword, "現在のパスワードが正しくありません。")]
    [InlineData("pw.mismatch", OldPassword, NewPassword, "hibari-river-lantern-8", "新しいパスワードと確認用のパスワードが一致しません。")]
    [InlineData("pw.short", OldPassword, "short-pass", "short-pass", "パスワードは12文字以上にしてください。")]
    [InlineData("pw.common", OldPassword, "password1234", "password1234", "よく使われるパスワード、または漏えいしたパスワードの一覧にあるため使えません。")]
    public async Task ChangePassword_RefusedInput_ShowsTheJapaneseReason_AndKeepsThePassword(string userName, string current, string next, string confirmation, string message)
    {
        await PortalForms.CreateUserAsync(fixture.Server.Services, userName, OldPassword);
        using var client = PortalForms.Client(fixture.Server.BaseUrl);
        await PortalForms.SignInAsync(client, userName, OldPassword);

        var (_, html) = await ChangeAsync(client, current, next, confirmation);

        Assert.Contains(message, html);
        Assert.DoesNotContain(next, html);
        using var again = PortalForms.Client(fixture.Server.BaseUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalForms.SignInAsync(again, userName, OldPassword)).Response.StatusCode);
    }

    private static Task<(HttpResponseMessage Response, string Html)> ChangeAsync(HttpClient client, string current, string next, string confirmation) =>
        PortalForms.PostAsync(client, "/account/password", "password", new Dictionary<string, string>
        {
            ["Input.Current"] = current,
            ["Input.New"] = next,
            ["Input.Confirmation"] = confirmation,
        });
}
