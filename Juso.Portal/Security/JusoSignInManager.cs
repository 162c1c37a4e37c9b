using System.Security.Claims;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Juso.Portal.Security;

/// <summary>
/// Identity's sign-in manager, refusing accounts an administrator disabled. Every way into the portal (password,
/// password and authenticator code, the municipality's directory) ends in <see cref="SignInWithSessionAsync"/>.
/// </summary>
public sealed class JusoSignInManager(
    UserManager<JusoUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<JusoUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<JusoUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<JusoUser> confirmation,
    IDbContextFactory<JusoDbContext> dbFactory,
    SessionStore sessions,
    AuditLog audit)
    : SignInManager<JusoUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private const string PasswordFactor = "パスワード";

    public override async Task<bool> CanSignInAsync(JusoUser user) =>
        await AccountStatus.UnusableReasonAsync(user, dbFactory) is null && await base.CanSignInAsync(user);

    /// <summary>Starts a server-side session, issues the cookie that points at it, and audits the sign-in.</summary>
    /// <param name="method">How the user proved who they are, for the audit log; null for a password alone.</param>
    /// <param name="target">Where the browser goes next after a sign-in on the login page: the cookie handler would
    /// otherwise redirect there to the query's returnUrl itself, unchecked.</param>
    public async Task SignInWithSessionAsync(JusoUser user, string? address, string? method = null, string? target = null)
    {
        var sessionId = await sessions.StartAsync(user.Id, address);
        await SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false, RedirectUri = target },
            [new Claim(JusoClaims.SessionId, sessionId.ToString())]);
        await audit.WriteAsync(Who(user, address), AuditAction.SignedIn, detail: method);
    }

    /// <summary>
    /// Re-issues the cookie of the current session after the user's own change renewed the security stamp (a new
    /// password, an authenticator), so that this browser stays signed in while every other one is checked again.
    /// </summary>
    public Task RenewCookieAsync(JusoUser user, Guid sessionId) =>
        SignInWithClaimsAsync(user, isPersistent: false, [new Claim(JusoClaims.SessionId, sessionId.ToString())]);

    /// <summary>The signed-in user of this request and its session (the cookie was validated on this request).</summary>
    public async Task<(JusoUser User, Guid SessionId)> CurrentSessionAsync(ClaimsPrincipal principal)
    {
        var user = await UserManager.GetUserAsync(principal) ?? throw new InvalidOperationException("No signed-in user.");
        return (user, Guid.Parse(principal.FindFirstValue(JusoClaims.SessionId)!));
    }

    /// <summary>
    /// The first step (the password, or the directory) passed and the user has an authenticator: remember who for five
    /// minutes in Identity's two-factor cookie, where <see cref="CompleteTwoFactorAsync"/> finds them. No session exists yet.
    /// </summary>
    /// <param name="firstFactor">How the first step was passed, for the audit log.</param>
    public Task BeginTwoFactorAsync(JusoUser user, string firstFactor = PasswordFactor)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, firstFactor));
        return Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>Whether this browser passed a first step (password or directory) in the last five minutes.</summary>
    public async Task<bool> IsAwaitingCodeAsync() => await GetTwoFactorAuthenticationUserAsync() is not null;

    /// <summary>
    /// Checks the 6-digit code of the authenticator (or a recovery code) of the user who passed the first step;
    /// wrong codes count towards the lockout like wrong passwords. Signs in with a session when right.
    /// </summary>
    public async Task<TwoFactorOutcome> CompleteTwoFactorAsync(string? code, string? address, string target)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return TwoFactorOutcome.Expired;
        }
        if (!await CanSignInAsync(user))
        {
            await audit.WriteAsync(Who(user, address), AuditAction.SignInFailed, detail: "無効化されたアカウント");
            return TwoFactorOutcome.Wrong;
        }
        if (await UserManager.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(Who(user, address), AuditAction.LockedOut);
            return TwoFactorOutcome.LockedOut;
        }
        // Authenticator apps show "123 456"; recovery codes look like "AB12C-D34EF".
        var typed = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var isTotp = typed.Length == 6 && typed.All(char.IsAsciiDigit);
        var right = typed.Length > 0 && (isTotp
            ? await UserManager.VerifyTwoFactorTokenAsync(user, Options.Tokens.AuthenticatorTokenProvider, typed)
            : (await UserManager.RedeemTwoFactorRecoveryCodeAsync(user, typed)).Succeeded);
        if (!right)
        {
            await UserManager.AccessFailedAsync(user);
            var locked = await UserManager.IsLockedOutAsync(user);
            await audit.WriteAsync(Who(user, address), locked ? AuditAction.LockedOut : AuditAction.SignInFailed, detail: "認証コードの誤り");
            return locked ? TwoFactorOutcome.LockedOut : TwoFactorOutcome.Wrong;
        }
        var firstFactor = (await Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme)).Principal?
            .FindFirstValue(ClaimTypes.AuthenticationMethod) ?? PasswordFactor;
        await UserManager.ResetAccessFailedCountAsync(user);
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInWithSessionAsync(user, address, $"{firstFactor}と{(isTotp ? "認証アプリ" : "回復用コード")}", target);
        return TwoFactorOutcome.SignedIn;
    }

    /// <summary>The user as the audit log names them before a cookie exists.</summary>
    public static UserContext Who(JusoUser user, string? address) =>
        new(user.Id, user.DisplayName, new HashSet<string>(), null, null, address);
}

public enum TwoFactorOutcome
{
    SignedIn,
    Wrong,
    LockedOut,

    /// <summary>The five minutes after the password step passed, or there was no password step.</summary>
    Expired,
}
