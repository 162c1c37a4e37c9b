using System.Security.Claims;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Juso.Portal.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Account;

public enum DirectorySignInOutcome
{
    SignedIn,

    /// <summary>No Juso user has this directory account or its e-mail address: an administrator must register it.</summary>
    Unknown,

    /// <summary>The Juso user exists but may not sign in (disabled, suspended agency, locked out).</summary>
    Refused,

    /// <summary>
    /// The user turned on Juso's two-step verification and the directory did not say it checked a second factor:
    /// the authenticator's code comes next, on the sign-in page. No session exists yet.
    /// </summary>
    CodeRequired,
}

/// <summary>
/// The person the directory vouched for: its issuer and subject name them for good. <paramref name="MultiFactor"/>:
/// the directory says it checked more than a password.
/// </summary>
public sealed record DirectoryIdentity(string Issuer, string Subject, string? Email, bool EmailUnverified, bool MultiFactor = false)
{
    /// <summary>Null when the directory's answer lacks a subject.</summary>
    public static DirectoryIdentity? From(ClaimsPrincipal principal, DirectoryOptions options)
    {
        if (principal.FindFirst(options.SubjectClaim) is not { Value.Length: > 0 } subject)
        {
            return null;
        }
        var email = principal.FindFirst(options.EmailClaim)?.Value;
        var unverified = string.Equals(principal.FindFirst("email_verified")?.Value, "false", StringComparison.OrdinalIgnoreCase);
        var multiFactor = options.DirectoryRequiresMultiFactor
            || principal.FindAll("amr").Any(method => options.MultiFactorMethods.Contains(method.Value, StringComparer.OrdinalIgnoreCase));
        return new DirectoryIdentity(subject.Issuer, subject.Value, email, unverified, multiFactor);
    }
}

/// <summary>
/// Signs in a person the directory vouched for, as the Juso user linked to them (AspNetUserLogins: issuer and
/// subject), or at the first sign-in the one Juso user with the same e-mail address, who is then linked. Never
/// creates a user: the administrator decides who uses Juso, with which role and agency.
/// </summary>
public sealed class DirectorySignInService(UserManager<JusoUser> users, JusoSignInManager signIn, AuditLog audit, DirectoryOptions options)
{
    /// <summary>How the audit log names the directory as a way of proving who one is.</summary>
    public const string FirstFactor = "庁内アカウント";

    public async Task<DirectorySignInOutcome> SignInAsync(DirectoryIdentity identity, string? address)
    {
        var (user, outcome) = await MatchAsync(identity, address);
        if (user is null || outcome != DirectorySignInOutcome.SignedIn)
        {
            return outcome;
        }
        // Turned on by the user, the second factor guards every way in, the directory's too (docs/adr/0028).
        if (!identity.MultiFactor && await users.GetTwoFactorEnabledAsync(user))
        {
            await signIn.BeginTwoFactorAsync(user, FirstFactor);
            return DirectorySignInOutcome.CodeRequired;
        }
        await signIn.SignInWithSessionAsync(user, address, identity.MultiFactor ? options.DisplayName + "（多要素認証）" : options.DisplayName);
        return outcome;
    }

    /// <summary>Finds (and on a first sign-in, links) the Juso user; the matched user is null when unknown.</summary>
    public async Task<(JusoUser? User, DirectorySignInOutcome Outcome)> MatchAsync(DirectoryIdentity identity, string? address)
    {
        var user = await users.FindByLoginAsync(identity.Issuer, identity.Subject);
        var linked = user is not null;
        user ??= await FindByEmailAsync(identity);
        if (user is null)
        {
            await audit.WriteAsync(UserContext.Anonymous with { Address = address }, AuditAction.SignInFailed,
                detail: $"Juso に登録されていない庁内アカウント（{identity.Email ?? identity.Subject}）");
            return (null, DirectorySignInOutcome.Unknown);
        }
        if (!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(JusoSignInManager.Who(user, address), AuditAction.SignInFailed, detail: "無効化されたアカウント（庁内アカウント）");
            return (user, DirectorySignInOutcome.Refused);
        }
        if (!linked)
        {
            var result = await users.AddLoginAsync(user, new UserLoginInfo(identity.Issuer, identity.Subject, options.DisplayName));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            await audit.WriteAsync(JusoSignInManager.Who(user, address), AuditAction.DirectoryAccountLinked, detail: identity.Email);
        }
        return (user, DirectorySignInOutcome.SignedIn);
    }

    /// <summary>
    /// The one user with this e-mail address who has no other account of this directory yet. Two users sharing an
    /// address, an address the directory says it did not verify, or a user already linked to another subject: no match.
    /// </summary>
    private async Task<JusoUser?> FindByEmailAsync(DirectoryIdentity identity)
    {
        if (!options.MatchByEmail || identity.EmailUnverified || string.IsNullOrWhiteSpace(identity.Email))
        {
            return null;
        }
        var normalized = users.NormalizeEmail(identity.Email.Trim());
        var candidates = await users.Users.Where(u => u.NormalizedEmail == normalized).Take(2).ToListAsync();
        if (candidates is not [var user])
        {
            return null;
        }
        var logins = await users.GetLoginsAsync(user);
        return logins.Any(l => l.LoginProvider == identity.Issuer) ? null : user;
    }
}
