using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Cases;

/// <summary>
/// 終結後フォローの予定日: on the date set at a closed case's latest follow-up, the lead agency's members and the
/// coordinator are reminded, once per case and date (a run that missed the day reminds the day after, still once).
/// Nobody to tell: the administrators are told, with the reason.
/// </summary>
public sealed class FollowUpReminderJob(IDbContextFactory<JusoDbContext> factory, TimeProvider time, NotificationWriter writer, ILogger<FollowUpReminderJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = JapanDate.Today(time.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await writer.QueueUnsentMailAsync(cancellationToken);
        var due = await (from r in FollowUps.Latest(db)
                         join c in db.Cases.AsNoTracking() on r.SupportCaseId equals c.Id
                         where c.Stage == CaseStage.Closed && r.NextFollowUpOn != null && r.NextFollowUpOn <= today
                         orderby c.Id
                         select new { CaseId = c.Id, c.FiscalYear, c.Sequence, c.LeadAgencyId, c.CoordinatorStaffId, On = r.NextFollowUpOn!.Value })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var members = await AlertRecipients.ByAgencyAsync(db, due.Select(d => d.LeadAgencyId).OfType<int>().Distinct().ToList(), JusoRoles.AgencyMember, cancellationToken);
        var coordinators = await AlertRecipients.ByStaffAsync(db, due.Select(d => d.CoordinatorStaffId).OfType<int>().Distinct().ToList(), cancellationToken);
        var administrators = await AlertRecipients.AdministratorsAsync(db, cancellationToken);

        var drafts = new List<AlertDraft>();
        foreach (var d in due)
        {
            var number = SupportCase.FormatNumber(d.FiscalYear, d.Sequence);
            var late = today.DayNumber - d.On.DayNumber;
            var title = $"終結後フォローの予定日です（ケース {number}）";
            var body = $"終結したケース {number} の次回フォロー予定日は {JapaneseFormat.WarekiDateWithWeekday(d.On)}（{(late == 0 ? "今日" : $"{late}日前")}）です。"
                       + "フォローの内容は支援経過に「終結後フォロー」として記録してください。";
            var to = (d.LeadAgencyId is { } lead ? members[lead] : []).Concat(d.CoordinatorStaffId is { } staff ? coordinators[staff] : [])
                .DistinctBy(r => r.UserId).ToList();
            var reason = to.Count == 0 ? "このケースの主担当機関の職員とコーディネーターに有効なアカウントがないため、管理者にお知らせしています。" : null;
            foreach (var recipient in to.Count == 0 ? administrators : to)
            {
                drafts.Add(new AlertDraft(new NotificationKey(NotificationKind.FollowUpDue, d.CaseId, d.On, recipient.UserId, 0), d.CaseId, title, body,
                    $"/cases/{d.CaseId}", reason, recipient.Email is { Length: > 0 } ? MailState.Pending : MailState.None));
            }
        }
        var raised = await writer.RaiseAsync(drafts, cancellationToken);
        logger.LogInformation("Follow-ups due: {Cases} closed case(s), {Raised} new reminder(s).", due.Count, raised.Count);
        return raised.Count;
    }
}
