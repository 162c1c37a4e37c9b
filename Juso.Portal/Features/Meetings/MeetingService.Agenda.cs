using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Juso.Domain.Plans;
using Juso.Portal.Common;
using Juso.Portal.Features.Outreach;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// The agenda builder: what a meeting of each kind takes (cases, except on a 検討会議; leads the user may see, on a
/// 重層的支援会議 only with consent; 検討テーマ on all), the order, and the cases and leads offered for it.
/// </summary>
public sealed partial class MeetingService
{
    /// <summary>How far past the meeting day a monitoring due date still makes a case worth suggesting.</summary>
    public const int SuggestionWindowDays = 14;

    public Task<SaveResult> AddAgendaItemAsync(int meetingId, AgendaItemForm form) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => CanManage(u, m.ChairUserId) && CaseAccess.SeesAllCases(u), async c =>
        {
            var supportCase = form.Case is { } option
                ? await c.Db.Cases.Include(x => x.Consents).SingleOrDefaultAsync(x => x.Id == option.CaseId)
                : null;
            if (supportCase is null)
            {
                throw new DomainException("議題にするケースを選択してください。", nameof(AgendaItemForm.Case));
            }
            var item = c.Meeting.AddAgendaItem(supportCase, form.Purpose, form.Minutes, c.Now);
            c.CaseId = supportCase.Id;
            c.Created = () => item.Id;
            return new ChangeNote("議題に追加", $"{supportCase.Number}（{form.Purpose.Label()}）");
        });

    /// <summary>A 検討テーマ without a case: no case to see, so those who prepare the meeting may add it without seeing every case.</summary>
    public Task<SaveResult> AddTopicItemAsync(int meetingId, AgendaTopicForm form) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => CanManage(u, m.ChairUserId), c =>
        {
            var item = c.Meeting.AddTopicItem(form.TopicTitle, form.TopicDescription, form.Purpose, form.Minutes, c.Now);
            c.Created = () => item.Id;
            return Task.FromResult(new ChangeNote("検討テーマを議題に追加", form.Purpose.Label()));
        });

    /// <summary>
    /// An アウトリーチ対象者 chosen in the builder: the meeting's rule (<see cref="Meeting.AddLeadItem"/>) and the lead's own
    /// (<see cref="LeadConfidentiality"/>: only a lead the user may see); the boards hear of it as of any agenda change.
    /// </summary>
    public Task<SaveResult> AddLeadItemAsync(int meetingId, AgendaLeadForm form) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => CanManage(u, m.ChairUserId), async c =>
        {
            var lead = form.Lead is { } option ? await c.Db.OutreachLeads.SingleOrDefaultAsync(l => l.Id == option.LeadId) : null;
            if (lead is null || !LeadAccess.MaySee(await LeadAccess.ViewerAsync(c.Db, c.User), lead))
            {
                throw new DomainException("議題にするアウトリーチ対象者を選択してください。", nameof(AgendaLeadForm.Lead));
            }
            var item = c.Meeting.AddLeadItem(lead, form.Purpose, form.Minutes, c.Now);
            c.LeadId = lead.Id;
            c.Created = () => item.Id;
            return new ChangeNote("議題に追加", $"{AgendaItem.LeadTitle(lead.Id)}（{form.Purpose.Label()}）");
        });

    /// <summary>
    /// Open leads the user may see and the meeting may take (a 重層的支援会議: consented ones), not yet on its agenda,
    /// matching a number or words of how the person is known; the leads offered are audited as a list read.
    /// </summary>
    public async Task<IReadOnlyList<LeadOption>> FindLeadsAsync(int meetingId, string? text)
    {
        var user = await currentUser.GetAsync();
        var meeting = await snapshots.GetAsync(meetingId);
        if (meeting is null || !CanManage(user, meeting.ChairUserId))
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync();
        var onAgenda = meeting.Items.Where(i => i.Lead is not null).Select(i => i.Lead!.LeadId).ToList();
        var leads = LeadAccess.Visible(db.OutreachLeads.AsNoTracking(), await LeadAccess.ViewerAsync(db, user))
            .Where(OutreachLead.Open).Where(l => !onAgenda.Contains(l.Id));
        if (meeting.Kind == MeetingKind.MultiLayered)
        {
            leads = leads.Where(l => l.Stage == LeadStage.Consented);
        }
        var term = text?.Trim();
        if (term is not null && term.StartsWith("No.", StringComparison.OrdinalIgnoreCase))
        {
            term = term[3..].Trim();
        }
        if (!string.IsNullOrEmpty(term))
        {
            leads = int.TryParse(term, out var number) ? leads.Where(l => l.Id == number) : leads.Where(l => l.Description.Contains(term));
        }
        var rows = await leads.OrderByDescending(l => l.RegisteredOn).ThenByDescending(l => l.Id).Take(20)
            .Select(l => new LeadOption(l.Id, l.Description, l.Stage)).ToListAsync();
        if (rows.Count > 0)
        {
            await audit.WriteAsync(user, AuditAction.LeadListViewed, detail: $"会議 {meetingId}: 議題の候補", leadIds: rows.Select(r => r.LeadId).ToList());
        }
        return rows;
    }

    /// <summary>Moves an item to a position of the agenda as the user saw it; an agenda changed since is a conflict.</summary>
    public Task<SaveResult> MoveAgendaItemAsync(int meetingId, int itemId, int position, int expectedMeetingVersion) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => CanManage(u, m.ChairUserId), c =>
        {
            c.Meeting.MoveAgendaItem(itemId, position, c.Now);
            return Task.FromResult(new ChangeNote("議題の順番を変更", $"{position}番目へ"));
        }, expectedMeetingVersion);

    public Task<SaveResult> RemoveAgendaItemAsync(int meetingId, int itemId) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingChanged, (u, m) => CanManage(u, m.ChairUserId), c =>
        {
            c.CaseId = c.Meeting.Agenda.FirstOrDefault(a => a.Id == itemId)?.SupportCaseId;
            c.Meeting.RemoveAgendaItem(itemId, c.Now);
            return Task.FromResult(new ChangeNote("議題から外す"));
        });

    /// <summary>Cases in support whose monitoring falls due by shortly after the meeting, not yet on its agenda.</summary>
    public async Task<IReadOnlyList<AgendaSuggestion>> SuggestionsAsync(int meetingId)
    {
        var user = await currentUser.GetAsync();
        var meeting = await snapshots.GetAsync(meetingId);
        if (meeting is null || !Meeting.TakesCases(meeting.Kind) || !CanManage(user, meeting.ChairUserId) || !CaseAccess.SeesAllCases(user))
        {
            return [];
        }
        var until = JapanDate.AddDaysWithinCalendar(JapanDate.Today(JapanDate.FromUtc(meeting.ScheduledAt)), SuggestionWindowDays);
        var onAgenda = meeting.CaseIds;
        await using var db = await factory.CreateDbContextAsync();
        var rows = await (from p in db.Plans.AsNoTracking()
                          join c in db.Cases.AsNoTracking() on p.SupportCaseId equals c.Id
                          where p.Status == PlanStatus.Active && p.NextMonitoringDue != null && p.NextMonitoringDue <= until && !onAgenda.Contains(c.Id)
                                && c.Stage != CaseStage.Closed
                          orderby p.NextMonitoringDue
                          select new
                          {
                              c.Id,
                              c.FiscalYear,
                              c.Sequence,
                              Due = p.NextMonitoringDue!.Value,
                              Consent = c.CurrentConsent,
                              Principal = db.HouseholdMembers.Where(m => m.HouseholdId == c.HouseholdId && m.Relationship == Relationship.Principal)
                                  .Select(m => m.FamilyName + "\u3000" + m.GivenName).FirstOrDefault(),
                          }).Take(50).ToListAsync();
        return rows.Select(r => new AgendaSuggestion(r.Id, SupportCase.FormatNumber(r.FiscalYear, r.Sequence), r.Principal ?? "（本人未登録）", r.Due,
            r.Consent == ConsentStatus.Obtained)).ToList();
    }

    /// <summary>Open cases matching a number or a name, for the agenda's case picker.</summary>
    public async Task<IReadOnlyList<CaseOption>> FindCasesAsync(string? text)
    {
        var user = await currentUser.GetAsync();
        if (!CanSchedule(user) || !CaseAccess.SeesAllCases(user))
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync();
        // The case list's rule for what the text finds (a number with or without its dash, or part of a 氏名 or フリガナ).
        var query = CaseChoices.Matching(db, db.Cases.AsNoTracking().Where(c => c.Stage != CaseStage.Closed), text, out _);
        var rows = await query.OrderByDescending(c => c.FiscalYear).ThenByDescending(c => c.Sequence).Take(20).Select(c => new
        {
            c.Id,
            c.FiscalYear,
            c.Sequence,
            Consent = c.CurrentConsent,
            Principal = db.HouseholdMembers.Where(m => m.HouseholdId == c.HouseholdId && m.Relationship == Relationship.Principal)
                .Select(m => m.FamilyName + "\u3000" + m.GivenName).FirstOrDefault(),
        }).ToListAsync();
        return rows.Select(r => new CaseOption(r.Id, SupportCase.FormatNumber(r.FiscalYear, r.Sequence), r.Principal ?? "（本人未登録）", r.Consent == ConsentStatus.Obtained)).ToList();
    }
}
