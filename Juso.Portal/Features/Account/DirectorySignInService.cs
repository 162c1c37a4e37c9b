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
}

/// <summary>The person the directory vouched for: its issuer and subject name them for good.</summary>
public sealed record DirectoryIdentity(string Issuer, string Subject, string? Email, bool EmailUnverified)
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
        return new DirectoryIdentity(subject.Issuer, subject.Value, email, unverified);
    }
}

/// <summary>
/// Signs in a person the directory vouched for, as the Juso user linked to them (AspNetUserLogins: issuer and
/// subject), or at the first sign-in the one Juso user with the same e-mail address, who is then linked. Never
/// creates a user: the administrator decides who uses Juso, with which role and agency.
/// </summary>
public sealed class DirectorySignInService(UserManager<JusoUser> users, JusoSignInManager signIn, AuditLog audit, DirectoryOptions options)
{
    public async Task<DirectorySignInOutcome> SignInAsync(DirectoryIdentity identity, string? address)
    {
        var (user, outcome) = await MatchAsync(identity, address);
        if (user is not null && outcome == DirectorySignInOutcome.SignedIn)
        {
            await signIn.SignInWithSessionAsync(user, address, options.DisplayName);
        }
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
