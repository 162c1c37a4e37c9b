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
    public override async Task<bool> CanSignInAsync(JusoUser user) =>
        await AccountStatus.UnusableReasonAsync(user, dbFactory) is null && await base.CanSignInAsync(user);

    /// <summary>Starts a server-side session, issues the cookie that points at it, and audits the sign-in.</summary>
    /// <param name="method">How the user proved who they are, for the audit log; null for a password alone.</param>
    public async Task SignInWithSessionAsync(JusoUser user, string? address, string? method = null)
    {
        var sessionId = await sessions.StartAsync(user.Id, address);
        await SignInWithClaimsAsync(user, isPersistent: false, [new Claim(JusoClaims.SessionId, sessionId.ToString())]);
        await audit.WriteAsync(Who(user, address), AuditAction.SignedIn, detail: method);
    }

    /// <summary>
    /// Re-issues the cookie of the current session after the user's own change renewed the security stamp (a new
    /// password, an authenticator), so that this browser stays signed in while every other one is checked again.
    /// </summary>
    public Task RenewCookieAsync(JusoUser user, Guid sessionId) =>
        SignInWithClaimsAsync(user, isPersistent: false, [new Claim(JusoClaims.SessionId, sessionId.ToString())]);

    /// <summary>The user as the audit log names them before a cookie exists.</summary>
    public static UserContext Who(JusoUser user, string? address) =>
        new(user.Id, user.DisplayName, new HashSet<string>(), null, null, address);
}
