using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// A case changed outside the board (its plan edited on the case page, consent withdrawn): every meeting whose open
/// agenda holds that case is announced as changed, so that its boards show the committed plan, not a stale one.
/// </summary>
public sealed class MeetingCaseListener(IDbContextFactory<JusoDbContext> factory, MeetingBoardNotifier notifier) : ICaseChangeListener
{
    public async Task CaseChangedAsync(int caseId, int? fromMeetingId = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.MinutesApprovedAt == null && m.Id != fromMeetingId && m.Agenda.Any(a => a.SupportCaseId == caseId))
            .Select(m => new { m.Id, m.Version })
            .ToListAsync();
        foreach (var meeting in meetings)
        {
            await notifier.PublishAsync(new BoardChange(meeting.Id, meeting.Version, "ケースの変更",
                TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()));
        }
    }
}
