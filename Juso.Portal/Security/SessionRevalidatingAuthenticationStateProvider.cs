using System.Security.Claims;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Juso.Portal.Common;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace Juso.Portal.Security;

/// <summary>
/// Re-checks an open circuit's user every <see cref="SessionLimits.RevalidationInterval"/>: a disabled or
/// locked account, a changed security stamp, an ended, idle or expired session signs the page out.
/// </summary>
public sealed class SessionRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    SessionLimits sessionOptions,
    CircuitActivity activity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessionOptions.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var verdict = await SessionValidator.ValidateAsync(scope.ServiceProvider, authenticationState.User, activity.LastActivityUtc, cancellationToken);
        if (verdict is not null)
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await audit.WriteAsync(CurrentUser.FromPrincipal(authenticationState.User, null), AuditAction.SessionEnded, detail: verdict);
        }
        return verdict is null;
    }
}

/// <summary>The checks shared by the cookie (each request) and the circuit (each interval).</summary>
public static class SessionValidator
{
    /// <summary>Null when the principal is still good, otherwise why it is not.</summary>
    public static async Task<string?> ValidateAsync(IServiceProvider services, ClaimsPrincipal principal, DateTime? lastActivityUtc, CancellationToken cancellationToken)
    {
        var userManager = services.GetRequiredService<UserManager<JusoUser>>();
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return "ユーザーが削除されました";
        }
        // A lockout only blocks new sign-ins: otherwise anyone knowing a user name could sign that person out.
        if (await AccountStatus.UnusableReasonAsync(user, services.GetRequiredService<IDbContextFactory<JusoDbContext>>()) is { } reason)
        {
            return reason;
        }
        if (userManager.SupportsUserSecurityStamp)
        {
            var stamp = principal.FindFirstValue(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType);
            if (stamp != await userManager.GetSecurityStampAsync(user))
            {
                return "権限や所属が変更されました";
            }
        }
        if (!Guid.TryParse(principal.FindFirstValue(JusoClaims.SessionId), out var sessionId))
        {
            return "セッションがありません";
        }
        var state = await services.GetRequiredService<SessionStore>().CheckAsync(sessionId, user.Id, lastActivityUtc, cancellationToken);
        return state switch
        {
            SessionState.Active => null,
            SessionState.Idle => "一定時間操作がなかったため",
            SessionState.Expired => "サインインからの最長時間を過ぎたため",
            _ => "サインアウト済みのセッション",
        };
    }
}
