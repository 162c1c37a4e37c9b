using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Infrastructure.Identity;

/// <summary>The "Security" configuration section: session limits (ASVS 3.3).</summary>
public sealed class SessionLimits
{
    public const string Section = "Security";

    /// <summary>Signed out after this long without activity.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Signed out this long after signing in, active or not.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often an open portal page re-checks its user and session.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public enum SessionState
{
    Active,
    Ended,
    Idle,
    Expired,

    /// <summary>A wall display's session reached the end of its meeting day.</summary>
    DisplayEnded,

    /// <summary>A wall display's session was used for something else than its wall display, which ends it.</summary>
    DisplayMisused,
}

/// <summary>
/// What the caller of a session check knows: when the user last gave real input (keyboard, mouse, touch, navigation;
/// never a redraw), and which wall displays it serves (a page or circuit showing a meeting's wall display).
/// </summary>
public readonly record struct SessionUse(DateTime? LastInputUtc, Func<int, bool>? ServesDisplay = null)
{
    public bool Serves(int meetingId) => ServesDisplay?.Invoke(meetingId) == true;
}

/// <summary>Server-side sessions: the cookie is only a pointer to a row here, which can be ended at any time.</summary>
public sealed class SessionStore(IDbContextFactory<JusoDbContext> factory, TimeProvider time, SessionLimits options)
{
    // Writing LastSeenAt on every request would make each page load a write; a minute (a tenth of a shorter idle
    // limit) is precise enough.
    private readonly TimeSpan _touchGranularity = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, options.IdleTimeout.Ticks / 10));

    public async Task<Guid> StartAsync(string userId, string? address, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = new UserSession { Id = Guid.NewGuid(), UserId = userId, CreatedAt = now, LastSeenAt = now, Address = address };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// Checks a session, counting <see cref="SessionUse.LastInputUtc"/> as activity, and ends it when it is past
    /// its idle or absolute limit. A wall display's session has no idle limit but serves nothing else.
    /// </summary>
    public async Task<SessionState> CheckAsync(Guid sessionId, string userId, SessionUse use, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.UserId != userId || session.EndedAt is not null)
        {
            return SessionState.Ended;
        }
        if (now - session.CreatedAt > options.AbsoluteTimeout)
        {
            End(session, now, nameof(SessionState.Expired));
            await db.SaveChangesAsync(cancellationToken);
            return SessionState.Expired;
        }
        if (session.DisplayMeetingId is { } meetingId)
        {
            var state = now >= session.DisplayUntil ? SessionState.DisplayEnded
                : use.Serves(meetingId) ? SessionState.Active
                : SessionState.DisplayMisused;
            if (state != SessionState.Active)
            {
                End(session, now, state.ToString());
                await db.SaveChangesAsync(cancellationToken);
            }
            return state;
        }
        var lastSeen = use.LastInputUtc is { } input && input > session.LastSeenAt ? input : session.LastSeenAt;
        if (now - lastSeen > options.IdleTimeout)
        {
            End(session, now, nameof(SessionState.Idle));
            await db.SaveChangesAsync(cancellationToken);
            return SessionState.Idle;
        }
        if (lastSeen - session.LastSeenAt >= _touchGranularity)
        {
            session.LastSeenAt = lastSeen;
            await db.SaveChangesAsync(cancellationToken);
        }
        return SessionState.Active;
    }

    public async Task EndAsync(Guid sessionId, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.EndedAt == null, cancellationToken);
        if (session is not null)
        {
            End(session, time.GetUtcNow().UtcDateTime, reason);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Ends every open session of a user, e.g. when an administrator disables the account.</summary>
    public async Task EndAllAsync(string userId, string reason, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), cancellationToken);
    }

    /// <summary>The meeting whose wall display this open session is, if it is one.</summary>
    public async Task<int?> DisplayOfAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null).Select(s => s.DisplayMeetingId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Ends the wall displays of a meeting in <paramref name="db"/>, saved with the change that ends the meeting.</summary>
    public static async Task<int> EndDisplaysAsync(JusoDbContext db, int meetingId, DateTime now, CancellationToken cancellationToken = default)
    {
        var displays = await db.UserSessions.Where(s => s.DisplayMeetingId == meetingId && s.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var display in displays)
        {
            End(display, now, nameof(SessionState.DisplayEnded));
        }
        return displays.Count;
    }

    /// <summary>Ends every open session of a user but the one in use, e.g. after the user changed their own password.</summary>
    public async Task EndOthersAsync(string userId, Guid keep, string reason, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), cancellationToken);
    }

    private static void End(UserSession session, DateTime now, string reason)
    {
        session.EndedAt = now;
        session.EndReason = reason;
    }
}
