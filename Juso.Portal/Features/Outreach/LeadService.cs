using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Outreach;

/// <summary>アウトリーチ対象者リスト: the list, a lead's page and the worker's due follow-ups, each read audited with the leads it showed.</summary>
public sealed class LeadService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<LeadListItem>> SearchAsync(LeadFilter filter)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var leads = LeadAccess.Visible(db.OutreachLeads.AsNoTracking(), await LeadAccess.ViewerAsync(db, user));
        if (filter.Stage is { } stage)
        {
            leads = leads.Where(l => l.Stage == stage);
        }
        else if (filter.OpenOnly)
        {
            leads = leads.Where(OutreachLead.Open);
        }
        if (filter.Source is { } source)
        {
            leads = leads.Where(l => l.Source == source);
        }
        if (filter.AgencyId is { } agencyId)
        {
            leads = leads.Where(l => l.ResponsibleAgencyId == agencyId);
        }
        var items = await ListAsync(db, leads.OrderByDescending(l => l.RegisteredOn).ThenByDescending(l => l.Id));
        if (filter.OverdueOnly)
        {
            items = items.Where(i => i.Overdue).ToList();
        }
        await audit.WriteAsync(user, AuditAction.LeadListViewed, detail: $"{items.Count}件", leadIds: items.Select(i => i.Id).ToList());
        return items;
    }

    /// <summary>ホーム: the open leads of the signed-in outreach worker whose next attempt is due within a week or overdue.</summary>
    public async Task<IReadOnlyList<LeadListItem>> DueForMeAsync()
    {
        var user = await currentUser.GetAsync();
        if (user.StaffId is not { } staffId)
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync();
        var mine = LeadAccess.Visible(db.OutreachLeads.AsNoTracking(), await LeadAccess.ViewerAsync(db, user))
            .Where(OutreachLead.Open).Where(l => l.OutreachWorkerStaffId == staffId);
        var weekAhead = JapanDate.Today(time.GetUtcNow()).AddDays(7);
        var due = (await ListAsync(db, mine)).Where(i => i.DueOn <= weekAhead).OrderBy(i => i.DueOn).ToList();
        if (due.Count > 0)
        {
            await audit.WriteAsync(user, AuditAction.LeadListViewed, detail: "ホーム（働きかけの予定）", leadIds: due.Select(i => i.Id).ToList());
        }
        return due;
    }

    public async Task<LeadView?> GetAsync(int id)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var lead = await db.OutreachLeads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id);
        var viewer = await LeadAccess.ViewerAsync(db, user);
        if (lead is null || !LeadAccess.MaySee(viewer, lead))
        {
            if (lead is not null)
            {
                await audit.WriteAsync(user, AuditAction.AccessDenied, detail: AuditAction.LeadViewed.Label(), leadIds: [id]);
            }
            return null;
        }
        var attempts = await db.OutreachContacts.AsNoTracking().Where(c => c.LeadId == id).OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.Id)
            .Select(c => new LeadAttempt(c.Id, c.Method, c.Outcome, c.OccurredAt, c.Note, c.RecordedByName)).ToListAsync();
        var plans = await (from p in db.OutreachPlans.AsNoTracking().Where(p => p.LeadId == id)
                           join m in db.Meetings.AsNoTracking() on p.MeetingId equals m.Id into held
                           from m in held.DefaultIfEmpty()
                           orderby p.Number descending
                           select new { Plan = p, Meeting = m }).ToListAsync();
        var names = await NamesAsync(db, [lead.ResponsibleAgencyId, .. lead.SourceAgencyId is { } s ? [s] : Array.Empty<int>()], lead.OutreachWorkerStaffId);
        var caseNumber = lead.ConvertedCaseId is { } caseId
            ? await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.FiscalYear, c.Sequence }).SingleOrDefaultAsync() : null;
        var lastAttempt = attempts.Count == 0 ? (DateOnly?)null : JapanDate.Today(JapanDate.FromUtc(attempts[0].OccurredAt));
        await audit.WriteAsync(user, AuditAction.LeadViewed, leadIds: [id]);
        return new LeadView(lead.Id, lead.Version, lead.Description, lead.Address, lead.Source,
            lead.SourceAgencyId is { } sourceId ? names.Agencies.GetValueOrDefault(sourceId) : null, lead.SourceNote, lead.Worry,
            names.Agencies.GetValueOrDefault(lead.ResponsibleAgencyId, "―"), names.Worker, lead.ContactEveryDays, lead.RegisteredOn, lead.Stage,
            lead.ConsentOn, lead.ConsentMethod, lead.EndedOn, lead.EndReason, lead.ConvertedCaseId,
            caseNumber is null ? null : SupportCase.FormatNumber(caseNumber.FiscalYear, caseNumber.Sequence),
            lead.ContactDueOn(lastAttempt), lead.IsContactOverdue(lastAttempt, JapanDate.Today(time.GetUtcNow())), LeadAccess.CanWork(user, viewer, lead),
            attempts,
            plans.Select(p => new LeadPlanView(p.Plan.Id, p.Plan.Version, p.Plan.Number, p.Plan.Goal, p.Plan.Approach, p.Plan.DraftedByName, p.Plan.CreatedAt,
                p.Plan.MeetingKind, p.Plan.ApprovedOn, p.Meeting == null ? null : MeetingTitle(p.Meeting))).ToList(),
            LeadForm.From(lead))
        {
            ConsentWithdrawnOn = lead.ConsentWithdrawnOn,
            ConsentWithdrawnMethod = lead.ConsentWithdrawnMethod,
        };
    }

    /// <summary>
    /// Whether the user may read a lead's plan where a meeting shows it (board, projector, minutes): the lead's own rule
    /// (<see cref="LeadConfidentiality"/>), not membership of the meeting. The read or the refusal is audited with the lead.
    /// </summary>
    public async Task<bool> MayReadInMeetingAsync(int leadId, int meetingId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var lead = await db.OutreachLeads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == leadId);
        var allowed = lead is not null && LeadAccess.MaySee(await LeadAccess.ViewerAsync(db, user), lead);
        await audit.WriteAsync(user, allowed ? AuditAction.LeadViewed : AuditAction.AccessDenied, detail: $"会議 {meetingId}: アウトリーチプラン", leadIds: [leadId]);
        return allowed;
    }

    /// <summary>The agencies and staff the register form offers.</summary>
    public async Task<LeadFormOptions> FormOptionsAsync()
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Field).ThenBy(a => a.Name).ToListAsync();
        var staff = await db.Staff.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.AgencyId).ThenBy(s => s.Id)
            .Select(s => new StaffChoice(s.Id, s.Name, s.AgencyId)).ToListAsync();
        return new LeadFormOptions(agencies.Select(a => new AgencyOption(a.Id, a.Name, a.Field.Label(), a.IsActive)).ToList(), staff,
            CaseAccess.IsCoordinating(user), user.AgencyId);
    }

    internal static string MeetingTitle(Domain.Meetings.Meeting meeting) =>
        $"{JapaneseFormat.FiscalYear(meeting.FiscalYear)} 第{meeting.Number}回 {Domain.Meetings.MeetingLabels.Label(meeting.Kind)}（{JapaneseFormat.WarekiDate(meeting.HeldOn)}）";

    /// <summary>The leads with their last attempt and due day, computed by the lead's own rule.</summary>
    private async Task<List<LeadListItem>> ListAsync(JusoDbContext db, IQueryable<OutreachLead> leads)
    {
        var rows = await (from l in leads
                          join a in db.Agencies.AsNoTracking() on l.ResponsibleAgencyId equals a.Id
                          join s in db.Staff.AsNoTracking() on l.OutreachWorkerStaffId equals s.Id into workers
                          from s in workers.DefaultIfEmpty()
                          select new
                          {
                              Lead = l,
                              AgencyName = a.Name,
                              WorkerName = s == null ? null : s.Name,
                              Last = db.OutreachContacts.Where(c => c.LeadId == l.Id).Max(c => (DateTime?)c.OccurredAt),
                          }).Take(500).ToListAsync();
        var today = JapanDate.Today(time.GetUtcNow());
        return rows.Select(r =>
        {
            var last = r.Last is { } at ? JapanDate.Today(JapanDate.FromUtc(at)) : (DateOnly?)null;
            return new LeadListItem(r.Lead.Id, r.Lead.Description, OutreachLabels.MaskAddress(r.Lead.Address), r.Lead.Source, r.Lead.Stage, r.AgencyName, r.WorkerName,
                last, r.Lead.ContactDueOn(last), r.Lead.IsContactOverdue(last, today));
        }).ToList();
    }

    private static async Task<(Dictionary<int, string> Agencies, string? Worker)> NamesAsync(JusoDbContext db, int[] agencyIds, int? staffId)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        var worker = staffId is { } id ? await db.Staff.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync() : null;
        return (agencies, worker);
    }
}
