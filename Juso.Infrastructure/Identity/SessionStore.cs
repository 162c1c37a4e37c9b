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
}

/// <summary>Server-side sessions: the cookie is only a pointer to a row here, which can be ended at any time.</summary>
public sealed class SessionStore(IDbContextFactory<JusoDbContext> factory, TimeProvider time, SessionLimits options)
{
    // Writing LastSeenAt on every request would make each page load a write; a minute is precise enough.
    private static readonly TimeSpan TouchGranularity = TimeSpan.FromMinutes(1);

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
    /// Checks a session, counting <paramref name="lastActivityUtc"/> as activity, and ends it when it is past
    /// its idle or absolute limit.
    /// </summary>
    public async Task<SessionState> CheckAsync(Guid sessionId, string userId, DateTime? lastActivityUtc, CancellationToken cancellationToken = default)
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
        var lastSeen = lastActivityUtc is { } activity && activity > session.LastSeenAt ? activity : session.LastSeenAt;
        if (now - lastSeen > options.IdleTimeout)
        {
            End(session, now, nameof(SessionState.Idle));
            await db.SaveChangesAsync(cancellationToken);
            return SessionState.Idle;
        }
        if (lastSeen - session.LastSeenAt >= TouchGranularity)
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
