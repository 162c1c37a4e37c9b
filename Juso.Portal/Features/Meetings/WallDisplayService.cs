using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// 掲示モード: the chair turns the screen in front of them into the meeting's wall display. Its session then shows only
/// that wall display (the projected board, read-only), has no idle limit but still ends when revoked, and ends with the
/// meeting: when the minutes are approved, at the latest at the end of the meeting day (docs/adr/0002-server-side-sessions.md).
/// </summary>
public sealed class WallDisplayService(IDbContextFactory<JusoDbContext> factory, AuthenticationStateProvider authentication, CurrentUser currentUser,
    AuditLog audit, SessionStore sessions, UserInput circuit, TimeProvider time)
{
    public async Task<SaveResult> StartAsync(int meetingId)
    {
        var user = await currentUser.GetAsync();
        var sessionId = SessionValidator.SessionIdOf((await authentication.GetAuthenticationStateAsync()).User);
        await using var db = await factory.CreateDbContextAsync();
        var meeting = await db.Meetings.Include(m => m.Members).SingleOrDefaultAsync(m => m.Id == meetingId);
        var session = sessionId is null ? null : await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.EndedAt == null);
        if (meeting is null || session is null || !meeting.MayShowCaseDetailsTo(user.UserId))
        {
            if (meeting is not null)
            {
                await audit.WriteAsync(user, AuditAction.AccessDenied, detail: $"会議 {meetingId}: 掲示モードの開始");
            }
            return SaveResult.NotFound();
        }
        var now = time.GetUtcNow();
        DateTimeOffset until;
        try
        {
            until = meeting.WallDisplayEndsAt(user.UserId, now);
        }
        catch (DomainException ex)
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: $"会議 {meetingId}: 掲示モードの開始: {ex.Message}");
            return SaveResult.Invalid(ex.Errors);
        }
        session.DisplayMeetingId = meetingId;
        session.DisplayUntil = until.UtcDateTime;
        audit.Add(db, user, AuditAction.WallDisplayStarted, detail: $"会議 {meetingId}: {JapaneseFormat.Timestamp(session.DisplayUntil.Value)}まで");
        await db.SaveChangesAsync();
        circuit.DisplayMeetingId = meetingId;
        return SaveResult.Saved(meetingId, 0);
    }

    /// <summary>Whether this session is the wall display of the meeting; if so, this circuit shows it.</summary>
    public async Task<bool> OpenAsync(int meetingId)
    {
        if (SessionValidator.SessionIdOf((await authentication.GetAuthenticationStateAsync()).User) is not { } sessionId
            || await sessions.DisplayOfAsync(sessionId) != meetingId)
        {
            return false;
        }
        circuit.DisplayMeetingId = meetingId;
        return true;
    }

    /// <summary>
    /// The wall display was left (its page closed or navigated away): the circuit no longer serves it, so the session's
    /// next check ends it.
    /// </summary>
    public void Leave(int meetingId)
    {
        if (circuit.DisplayMeetingId == meetingId)
        {
            circuit.DisplayMeetingId = null;
        }
    }

    /// <summary>Ends the wall display from its own screen: its session ends, so the screen goes to the sign-in page.</summary>
    public async Task EndAsync(int meetingId)
    {
        if (SessionValidator.SessionIdOf((await authentication.GetAuthenticationStateAsync()).User) is { } sessionId
            && await sessions.DisplayOfAsync(sessionId) == meetingId)
        {
            await sessions.EndAsync(sessionId, nameof(SessionState.DisplayEnded));
            await audit.WriteAsync(await currentUser.GetAsync(), AuditAction.WallDisplayEnded, detail: $"会議 {meetingId}: 掲示画面で終了");
        }
    }
}
