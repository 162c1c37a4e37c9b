using System.Security.Claims;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Portal.Security;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Juso.Portal.Features.Account;

/// <summary>What an authenticator app needs: the key to type, and the same as an otpauth URI and its QR code.</summary>
public sealed record AuthenticatorSetup(string Key, string Uri, string QrCodeDataUri);

/// <summary>
/// Two-step verification with an authenticator app (TOTP, Identity's authenticator token provider) for local
/// accounts. Turning it on or off renews the security stamp: the cookie of this session is re-issued, other sessions are
/// checked again. Used from a static page, whose request can re-issue the cookie.
/// </summary>
public sealed class TwoFactorService(UserManager<JusoUser> users, IUserStore<JusoUser> store, JusoSignInManager signIn, Common.AuditLog audit)
{
    private const string Issuer = "Juso";

    public async Task<bool> IsEnabledAsync(ClaimsPrincipal principal) =>
        await users.GetTwoFactorEnabledAsync((await signIn.CurrentSessionAsync(principal)).User);

    /// <summary>
    /// The key waiting for confirmation, created on the first visit; the same key until it is confirmed. Storing it
    /// keeps the security stamp: an unconfirmed key changes no sign-in, and a new stamp would sign out the page this
    /// one was opened from (its circuit still holds the old stamp until the browser leaves it).
    /// </summary>
    public async Task<AuthenticatorSetup> SetupAsync(ClaimsPrincipal principal)
    {
        var (user, _) = await signIn.CurrentSessionAsync(principal);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<JusoUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            var saved = await store.UpdateAsync(user, CancellationToken.None);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException("The authenticator key could not be stored: " + string.Join(" ", saved.Errors.Select(e => e.Code)));
            }
        }
        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6";
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.M, 5);
        return new AuthenticatorSetup(key, uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Turns two-step verification on once the app shows a right code.</summary>
    /// <returns>The recovery codes to show once, or the problem in Japanese.</returns>
    public async Task<(IReadOnlyList<string> RecoveryCodes, string? Error)> EnableAsync(ClaimsPrincipal principal, string? code, string? address)
    {
        var (user, sessionId) = await signIn.CurrentSessionAsync(principal);
        var typed = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (typed.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed))
        {
            return ([], "確認コードが正しくありません。認証アプリに表示されている6桁の数字を入力してください。");
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await signIn.RenewCookieAsync(user, sessionId);
        await audit.WriteAsync(JusoSignInManager.Who(user, address), AuditAction.TwoFactorEnabled);
        return (recoveryCodes, null);
    }

    /// <summary>Turns it off after the current password, and forgets the key so that an old app no longer counts.</summary>
    public async Task<string?> DisableAsync(ClaimsPrincipal principal, string? password, string? address)
    {
        var (user, sessionId) = await signIn.CurrentSessionAsync(principal);
        if (await users.IsLockedOutAsync(user))
        {
            return "失敗が続いたため、一時的に変更できません。しばらくしてから再度お試しください。";
        }
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            // Counted like a wrong password at sign-in, so an open page left unattended is no guessing machine.
            await users.AccessFailedAsync(user);
            return "パスワードが正しくありません。";
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RenewCookieAsync(user, sessionId);
        await audit.WriteAsync(JusoSignInManager.Who(user, address), AuditAction.TwoFactorDisabled);
        return null;
    }
}
