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
    UserInput input)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessionOptions.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        RevalidateAsync(authenticationState.User, cancellationToken);

    /// <summary>One check of this circuit's session: only the input its page reported counts, and whether it shows a wall display.</summary>
    public async Task<bool> RevalidateAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var use = new SessionUse(input.LastInputUtc, meetingId => input.DisplayMeetingId == meetingId);
        var refusal = await SessionValidator.ValidateAsync(scope.ServiceProvider, user, use, cancellationToken);
        if (refusal is not null)
        {
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(CurrentUser.FromPrincipal(user, null), refusal.Action, detail: refusal.Reason);
        }
        return refusal is null;
    }
}

/// <summary>Why a session may not be used any more, and how the audit log records its end.</summary>
public sealed record SessionRefusal(string Reason, AuditAction Action = AuditAction.SessionEnded);

/// <summary>The one session check, shared by the cookie (each request), the circuit (each interval) and the board hub (each call).</summary>
public static class SessionValidator
{
    /// <summary>Null when the principal is still good, otherwise why it is not.</summary>
    public static async Task<SessionRefusal?> ValidateAsync(IServiceProvider services, ClaimsPrincipal principal, SessionUse use, CancellationToken cancellationToken)
    {
        var userManager = services.GetRequiredService<UserManager<JusoUser>>();
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return new("ユーザーが削除されました");
        }
        // A lockout only blocks new sign-ins: otherwise anyone knowing a user name could sign that person out.
        if (await AccountStatus.UnusableReasonAsync(user, services.GetRequiredService<IDbContextFactory<JusoDbContext>>()) is { } reason)
        {
            return new(reason);
        }
        if (userManager.SupportsUserSecurityStamp)
        {
            var stamp = principal.FindFirstValue(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType);
            if (stamp != await userManager.GetSecurityStampAsync(user))
            {
                return new("権限や所属が変更されました");
            }
        }
        if (SessionIdOf(principal) is not { } sessionId)
        {
            return new("セッションがありません");
        }
        var state = await services.GetRequiredService<SessionStore>().CheckAsync(sessionId, user.Id, use, cancellationToken);
        return state switch
        {
            SessionState.Active => null,
            SessionState.Idle => new("一定時間操作がなかったため"),
            SessionState.Expired => new("サインインからの最長時間を過ぎたため"),
            SessionState.DisplayEnded => new("会議日が終わったため掲示モードを終了", AuditAction.WallDisplayEnded),
            SessionState.DisplayMisused => new("掲示モードの端末で他の画面を開いたため掲示モードを終了", AuditAction.WallDisplayEnded),
            _ => new("サインアウト済みのセッション"),
        };
    }

    public static Guid? SessionIdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(JusoClaims.SessionId), out var sessionId) ? sessionId : null;
}
