using System.Security.Claims;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Portal.Security;
using Microsoft.AspNetCore.Identity;

namespace Juso.Portal.Features.Account;

/// <summary>The signed-in user's own sign-in settings; used from static pages, whose request can re-issue the cookie.</summary>
public sealed class OwnAccountService(UserManager<JusoUser> users, JusoSignInManager signIn, SessionStore sessions, Common.AuditLog audit)
{
    /// <summary>
    /// Changes the password under the password policy. Wrong current passwords count towards the lockout, as at
    /// sign-in. Afterwards every other session of the user ends; this one continues with a renewed cookie.
    /// </summary>
    /// <returns>The problems to show, in Japanese; empty when the password was changed.</returns>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(ClaimsPrincipal principal, string? current, string? next, string? confirmation, string? address)
    {
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next))
        {
            return ["現在のパスワードと新しいパスワードを入力してください。"];
        }
        if (next != confirmation)
        {
            return ["新しいパスワードと確認用のパスワードが一致しません。"];
        }
        var (user, sessionId) = await signIn.CurrentSessionAsync(principal);
        if (await users.IsLockedOutAsync(user))
        {
            return ["失敗が続いたため、パスワードの変更は一時的にできません。しばらくしてから再度お試しください。"];
        }
        if (!await users.CheckPasswordAsync(user, current))
        {
            await users.AccessFailedAsync(user);
            await audit.WriteAsync(JusoSignInManager.Who(user, address), AuditAction.SignInFailed, detail: "パスワード変更で現在のパスワードの誤り");
            return ["現在のパスワードが正しくありません。"];
        }
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            return [.. result.Errors.Select(e => e.Description)];
        }
        await users.ResetAccessFailedCountAsync(user);
        await sessions.EndOthersAsync(user.Id, sessionId, nameof(AuditAction.PasswordChanged));
        await signIn.RenewCookieAsync(user, sessionId);
        await audit.WriteAsync(JusoSignInManager.Who(user, address), AuditAction.PasswordChanged);
        return [];
    }
}
