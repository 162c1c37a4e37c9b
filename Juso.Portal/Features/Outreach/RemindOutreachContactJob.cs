using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Outreach;

/// <summary>
/// 働きかけが途絶えている: an open lead past its contact frequency alerts its outreach worker (or, with none, the
/// responsible agency's members; with nobody, the administrators), once per lead and due day. A new attempt moves the
/// due day, so the next lapse alerts again. Titles carry the lead's number only: no description leaves by mail.
/// </summary>
public sealed class RemindOutreachContactJob(IDbContextFactory<JusoDbContext> factory, TimeProvider time, NotificationWriter writer, ILogger<RemindOutreachContactJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = JapanDate.Today(time.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await writer.QueueUnsentMailAsync(cancellationToken);
        var open = await db.OutreachLeads.AsNoTracking()
            .Where(OutreachLead.Open)
            .Select(l => new { Lead = l, Last = db.OutreachContacts.Where(c => c.LeadId == l.Id).Max(c => (DateTime?)c.OccurredAt) })
            .ToListAsync(cancellationToken);
        var overdue = open
            .Select(x => (x.Lead, Last: x.Last is { } at ? JapanDate.Today(JapanDate.FromUtc(at)) : (DateOnly?)null))
            .Where(x => x.Lead.IsContactOverdue(x.Last, today))
            .ToList();
        if (overdue.Count == 0)
        {
            return 0;
        }
        var workers = await AlertRecipients.ByStaffAsync(db, overdue.Select(x => x.Lead.OutreachWorkerStaffId).OfType<int>().Distinct().ToList(), cancellationToken);
        var members = await AlertRecipients.ByAgencyAsync(db, overdue.Select(x => x.Lead.ResponsibleAgencyId).Distinct().ToList(), JusoRoles.AgencyMember, cancellationToken);
        var administrators = await AlertRecipients.AdministratorsAsync(db, cancellationToken);

        var drafts = new List<AlertDraft>();
        foreach (var (lead, last) in overdue)
        {
            var dueOn = lead.ContactDueOn(last);
            var title = $"働きかけの間隔を過ぎています（アウトリーチ対象者 No.{lead.Id}）";
            var body = $"アウトリーチ対象者 No.{lead.Id} への働きかけは {lead.ContactEveryDays}日ごとの予定で、{JapaneseFormat.Date(dueOn)}までに行う予定でした"
                       + $"（最後の働きかけ：{(last is { } l ? JapaneseFormat.Date(l) : "なし")}）。";
            var to = (lead.OutreachWorkerStaffId is { } staff ? workers[staff] : []).ToList();
            if (to.Count == 0)
            {
                to = members[lead.ResponsibleAgencyId].ToList();
            }
            var reason = to.Count == 0 ? "この対象者の担当者と担当機関の職員に有効なアカウントがないため、管理者にお知らせしています。" : null;
            foreach (var recipient in to.Count == 0 ? administrators : to)
            {
                drafts.Add(new AlertDraft(new NotificationKey(NotificationKind.OutreachContactOverdue, lead.Id, dueOn, recipient.UserId, 0), null, title, body,
                    $"/outreach/{lead.Id}", reason, recipient.Email is { Length: > 0 } ? MailState.Pending : MailState.None));
            }
        }
        var raised = await writer.RaiseAsync(drafts, cancellationToken);
        logger.LogInformation("Outreach contact overdue: {Leads} lead(s), {Raised} new alert(s).", overdue.Count, raised.Count);
        return raised.Count;
    }
}
