using System.Security.Claims;
using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Juso.Portal.Common;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Juso.Portal.Security;

/// <summary>
/// A circuit's user, re-checked by <see cref="SessionSweeper"/> every <see cref="SessionLimits.RevalidationInterval"/>: a
/// disabled or locked account, a changed security stamp, an ended, idle or expired session signs the page out. One
/// shared sweep checks each session once for all its open pages, instead of a timer and a database check per circuit
/// (a room of open boards cost CPU every minute even when nobody touched them).
/// </summary>
public sealed class SessionRevalidatingAuthenticationStateProvider(IServiceScopeFactory scopeFactory, UserInput input, OpenCircuits circuits)
    : AuthenticationStateProvider, IHostEnvironmentAuthenticationStateProvider, IDisposable
{
    private Task<AuthenticationState>? _state;

    /// <summary>What this circuit's page reported: its last real input, and the meeting whose wall display it shows.</summary>
    public SessionUse Use => new(input.LastInputUtc, meetingId => input.DisplayMeetingId == meetingId);

    /// <summary>The signed-in user of this circuit, or null before the circuit set it or after it was signed out.</summary>
    public ClaimsPrincipal? User => _state is { IsCompletedSuccessfully: true } state && state.Result.User.Identity?.IsAuthenticated == true ? state.Result.User : null;

    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        _state ?? throw new InvalidOperationException("The authentication state was read before the circuit set it.");

    /// <summary>Called by Blazor when the circuit (or a statically rendered request) starts: from then on the sweep checks it.</summary>
    public void SetAuthenticationState(Task<AuthenticationState> authenticationStateTask)
    {
        _state = authenticationStateTask ?? throw new ArgumentNullException(nameof(authenticationStateTask));
        circuits.Add(this);
        NotifyAuthenticationStateChanged(_state);
    }

    /// <summary>The page shows the sign-in again (its routes require a user).</summary>
    public void SignOut()
    {
        _state = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
        NotifyAuthenticationStateChanged(_state);
    }

    /// <summary>One check of this circuit's session: only the input its page reported counts, and whether it shows a wall display.</summary>
    public Task<bool> RevalidateAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => CheckAsync(scopeFactory, user, Use, cancellationToken);

    /// <summary>Checks a session as <paramref name="use"/> describes its pages; an ended session is audited.</summary>
    public static async Task<bool> CheckAsync(IServiceScopeFactory scopeFactory, ClaimsPrincipal user, SessionUse use, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var refusal = await SessionValidator.ValidateAsync(scope.ServiceProvider, user, use, cancellationToken);
        if (refusal is not null)
        {
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(CurrentUser.FromPrincipal(user, null), refusal.Action, detail: refusal.Reason);
        }
        return refusal is null;
    }

    public void Dispose() => circuits.Remove(this);
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
