using Juso.Domain.Auditing;
using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Outreach;

/// <summary>A meeting a lead is on, or could be put on.</summary>
public sealed record LeadMeeting(int Id, string Title, bool OnAgenda);

/// <summary>
/// Putting a lead on the agenda of a 検討会議 (or of a 支援会議, whose pledged members then see it; or of a
/// 重層的支援会議 once the person consented): the meeting's own rule decides (<see cref="Meeting.AddLeadItem"/>).
/// </summary>
public sealed class LeadAgendaService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, TimeProvider time, LeadWork work)
{
    /// <summary>The meetings the lead is on, and the coming ones it could be put on, soonest first.</summary>
    public async Task<IReadOnlyList<LeadMeeting>> MeetingsAsync(int leadId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var lead = await db.OutreachLeads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == leadId);
        if (lead is null || !LeadAccess.MaySee(await LeadAccess.ViewerAsync(db, user), lead))
        {
            return [];
        }
        var now = time.GetUtcNow().UtcDateTime;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Agenda.Any(a => a.LeadId == leadId)
                        || (m.ScheduledAt >= now && m.MinutesApprovedAt == null && (m.Kind != MeetingKind.MultiLayered || lead.Stage == LeadStage.Consented)))
            .OrderBy(m => m.ScheduledAt).Take(30)
            .Select(m => new { Meeting = m, OnAgenda = m.Agenda.Any(a => a.LeadId == leadId) })
            .ToListAsync();
        return meetings.Select(m => new LeadMeeting(m.Meeting.Id, LeadService.MeetingTitle(m.Meeting), m.OnAgenda)).ToList();
    }

    public Task<SaveResult> AddAsync(int leadId, int? meetingId) =>
        work.ChangeAsync(leadId, null, AuditAction.MeetingChanged, async c =>
        {
            var meeting = (meetingId is { } id ? await c.Db.Meetings.Include(m => m.Agenda).SingleOrDefaultAsync(m => m.Id == id) : null)
                          ?? throw new Domain.Common.DomainException("議題に加える会議を選択してください。", "MeetingId");
            var item = meeting.AddLeadItem(c.Lead, AgendaPurpose.InformationSharing, 15, c.Now);
            c.BoardLabel = "議題に追加";
            return ($"{meeting.Kind.Label()}（会議 {meeting.Id}）の議題に追加", (Func<int>?)(() => item.Id));
        });
}
