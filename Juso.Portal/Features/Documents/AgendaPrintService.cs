using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Documents;

public sealed record AgendaPrintView(int MeetingId, AgendaDocumentModel Document, string Html, bool CanChooseMasking);

/// <summary>
/// 会議次第 as PDF: members who may see the meeting's cases (a 支援会議 after the pledge) preview and print it; the chair
/// or a coordinator may print names or initials; every preview and print is audited with the cases on the agenda.
/// </summary>
public sealed class AgendaPrintService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit,
    IDocumentRenderer renderer, DocumentOptions options, TimeProvider time)
{
    public async Task<AgendaPrintView?> PreviewAsync(int meetingId, bool? maskNames)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadAsync(db, user, meetingId, maskNames);
        if (loaded is null)
        {
            return null;
        }
        var (document, canChoose, caseIds) = loaded.Value;
        var html = await renderer.RenderHtmlAsync(document);
        await audit.WriteAsync(user, AuditAction.DocumentPreviewed, detail: $"{document.Title}（会議 {meetingId}）", caseIds: caseIds);
        return new AgendaPrintView(meetingId, document, html, canChoose);
    }

    public async Task<PrintedFile> PrintAsync(int meetingId, bool? maskNames, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await LoadAsync(db, user, meetingId, maskNames);
        if (loaded is null)
        {
            return PrintedFile.Failed(PrintedFile.NotFound);
        }
        var document = loaded.Value.Document;
        try
        {
            var pdf = await renderer.RenderPdfAsync(document, cancellationToken);
            audit.Add(db, user, AuditAction.DocumentPrinted, detail: $"{document.Title}（会議 {meetingId}、{(document.NamesMasked ? "氏名を伏せる" : "氏名あり")}）",
                caseIds: loaded.Value.CaseIds);
            await db.SaveChangesAsync(cancellationToken);
            return new PrintedFile(pdf, document.FileName, "application/pdf", null);
        }
        catch (DocumentUnavailableException ex)
        {
            return PrintedFile.Failed(ex.Message);
        }
    }

    private async Task<(AgendaDocumentModel Document, bool CanChooseMasking, IReadOnlyList<int> CaseIds)?> LoadAsync(JusoDbContext db, UserContext user, int meetingId, bool? maskNames)
    {
        var meeting = await db.Meetings.AsNoTracking().AsSplitQuery().Include(m => m.Members).Include(m => m.Agenda).SingleOrDefaultAsync(m => m.Id == meetingId);
        if (meeting is null)
        {
            return null;
        }
        // Chairs, coordinators and supervisors see every case; any other member only after the pledge a 支援会議 asks for.
        if (!CaseAccess.SeesAllCases(user) && !meeting.MayShowCaseDetailsTo(user.UserId))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: $"会議次第の印刷（会議 {meetingId}）");
            return null;
        }
        var canChoose = meeting.ChairUserId == user.UserId || user.IsInRole(Infrastructure.Identity.JusoRoles.Coordinator);
        var masked = canChoose && maskNames is { } choice ? choice : meeting.MasksNames;
        var caseIds = meeting.CaseIdsOnAgenda();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FiscalYear, c.Sequence, c.HouseholdId, c.LeadAgencyId, c.CurrentConsent }).ToDictionaryAsync(c => c.Id);
        var householdIds = cases.Values.Select(c => c.HouseholdId).ToList();
        var principals = await db.HouseholdMembers.AsNoTracking()
            .Where(m => householdIds.Contains(m.HouseholdId) && m.Relationship == Relationship.Principal)
            .ToDictionaryAsync(m => m.HouseholdId);
        var agencies = await CaseService.AgencyNamesAsync(db);
        var scheduledAt = JapanDate.FromUtc(meeting.ScheduledAt);
        var previous = await Meetings.BoardSnapshots.PreviousActionItemsAsync(db, meeting, caseIds, agencies);
        var startsAt = scheduledAt;
        var items = new List<AgendaItemLine>();
        foreach (var item in meeting.Agenda.OrderBy(a => a.Order))
        {
            if (item.SupportCaseId is not { } caseId)
            {
                items.Add(AgendaItemLine.ForTopic(item.Order, startsAt, item.Minutes, new Meetings.BoardTopic(item.TopicTitle!, item.TopicDescription), item.Purpose.Label()));
                startsAt = startsAt.AddMinutes(item.Minutes);
                continue;
            }
            var c = cases[caseId];
            var principal = principals.GetValueOrDefault(c.HouseholdId);
            // Consent withdrawn after the case was put on a 重層的支援会議's agenda: its print shows no name, as its board.
            var name = !Meeting.MayDiscuss(meeting.Kind, c.CurrentConsent) ? BoardSnapshots.WithoutConsent
                : principal is null ? "（本人未登録）" : masked ? principal.Initials : principal.FullName;
            items.Add(new AgendaItemLine(item.Order, startsAt, item.Minutes, Juso.Domain.Cases.SupportCase.FormatNumber(c.FiscalYear, c.Sequence),
                name, item.Purpose.Label(), c.LeadAgencyId is { } lead ? agencies.GetValueOrDefault(lead) : null, previous[caseId].ToList()));
            startsAt = startsAt.AddMinutes(item.Minutes);
        }
        var chair = meeting.Members.FirstOrDefault(m => m.UserId == meeting.ChairUserId)?.Name ?? "―";
        var document = new AgendaDocumentModel
        {
            Municipality = options.Municipality,
            PrintedAt = JapanDate.InJapan(time.GetUtcNow()),
            Kind = meeting.Kind,
            Cadence = meeting.Cadence,
            ScheduledAt = scheduledAt,
            Reference = meeting.Reference,
            Place = meeting.Place,
            ChairName = chair,
            Members = meeting.Members.OrderBy(m => m.Id).Select(m => new AgendaMemberLine(m.Name, m.AgencyId is { } a ? agencies.GetValueOrDefault(a) : null)).ToList(),
            Items = items,
            NamesMasked = masked,
        };
        return (document, canChoose, caseIds);
    }
}
