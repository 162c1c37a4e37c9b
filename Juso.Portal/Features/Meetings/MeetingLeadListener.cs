using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// A lead changed outside the board (put on an agenda from its page, its アウトリーチプラン drafted or approved, consent
/// withdrawn): every meeting whose open agenda holds that lead is announced as changed, as <see cref="MeetingCaseListener"/>
/// does for cases, so that open boards show the committed agenda and plan.
/// </summary>
public sealed class MeetingLeadListener(IDbContextFactory<JusoDbContext> factory, MeetingBoardNotifier notifier, ILogger<MeetingLeadListener> logger)
{
    public async Task LeadChangedAsync(int leadId, string label)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync();
            var meetings = await db.Meetings.AsNoTracking()
                .Where(m => m.MinutesApprovedAt == null && m.Agenda.Any(a => a.LeadId == leadId))
                .Select(m => new { m.Id, m.Version })
                .ToListAsync();
            foreach (var meeting in meetings)
            {
                await notifier.PublishAsync(new BoardChange(meeting.Id, meeting.Version, label, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()));
            }
        }
        catch (Exception ex)
        {
            // Committed already: a board not refreshing must not turn the save into an error (BoardSnapshots.MaxAge catches up).
            logger.LogWarning(ex, "Lead {LeadId} was saved, but its meetings could not be told", leadId);
        }
    }
}
