using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// 対応事項の期限: an open action item reminds the owner agency's staff and the case's coordinator (for a 検討テーマ or
/// lead item, which has no case: the meeting's chair) once when its due date comes within the configured days (the
/// setting of モニタリング期限が近い), and once when it is overdue. The natural key (kind, action item, due date,
/// recipient) makes a second run send nothing; a changed due date is a new key.
/// </summary>
public sealed class RemindActionItemsJob(IDbContextFactory<JusoDbContext> factory, TimeProvider time, NotificationWriter writer, ILogger<RemindActionItemsJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = JapanDate.Today(now);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var dueBy = await ReminderSettingsService.DueSoonUntilAsync(db, now, cancellationToken);
        await writer.QueueUnsentMailAsync(cancellationToken);
        if (dueBy is not { } until)
        {
            return 0;
        }
        var open = await (from m in db.Meetings.AsNoTracking()
                          from a in m.ActionItems
                          join item in db.Set<Domain.Meetings.AgendaItem>().AsNoTracking() on a.AgendaItemId equals item.Id
                          from c in db.Cases.AsNoTracking().Where(c => c.Id == item.SupportCaseId).DefaultIfEmpty()
                          where a.CompletedAt == null && a.DueOn <= until && (item.SupportCaseId == null || c!.Stage != CaseStage.Closed)
                          select new
                          {
                              a.Id, a.Text, a.DueOn, a.OwnerAgencyId, CaseId = item.SupportCaseId, FiscalYear = (int?)c!.FiscalYear, Sequence = (int?)c.Sequence,
                              CoordinatorStaffId = (int?)c.CoordinatorStaffId, item.TopicTitle, MeetingId = m.Id, m.ChairUserId, m.MinutesApprovedAt,
                              m.Kind, m.ScheduledAt, m.Number,
                          })
            .ToListAsync(cancellationToken);
        var owners = await AlertRecipients.ByAgencyAsync(db, open.Select(a => a.OwnerAgencyId).Distinct().ToList(), role: null, cancellationToken);
        var coordinators = await AlertRecipients.ByStaffAsync(db, open.Where(a => a.CoordinatorStaffId is not null).Select(a => a.CoordinatorStaffId!.Value).Distinct().ToList(), cancellationToken);
        var chairs = await AlertRecipients.ByUserIdAsync(db, open.Where(a => a.CaseId is null).Select(a => a.ChairUserId).Distinct().ToList(), cancellationToken);

        var drafts = new List<AlertDraft>();
        foreach (var action in open)
        {
            var overdue = action.DueOn < today;
            // A topic is named by its title; a lead item's title is its number only (docs/adr/0021).
            var subject = action.CaseId is null ? action.TopicTitle : $"ケース {SupportCase.FormatNumber(action.FiscalYear!.Value, action.Sequence!.Value)}";
            var meeting = Domain.Meetings.Meeting.ReferenceOf(action.Kind, FiscalYear.Of(JapanDate.Today(JapanDate.FromUtc(action.ScheduledAt))), action.Number);
            var days = action.DueOn.DayNumber - today.DayNumber;
            var title = overdue ? $"対応事項の期限が過ぎています（{subject}）" : $"対応事項の期限が近づいています（{subject}）";
            var body = $"{meeting}で決めた対応事項の期限は {JapaneseFormat.WarekiDateWithWeekday(action.DueOn)}"
                       + (overdue ? $"で、{-days}日過ぎています。" : $"（{(days == 0 ? "今日" : $"{days}日後")}）です。")
                       + (action.CaseId is null ? "完了したらホーム画面の対応事項で「完了」にしてください。" : "完了したらケースの画面で「完了」にしてください。");
            var kind = overdue ? NotificationKind.ActionItemOverdue : NotificationKind.ActionItemDueSoon;
            IEnumerable<Recipient> others = action.CaseId is null
                ? chairs.TryGetValue(action.ChairUserId, out var chair) ? [chair] : []
                : action.CoordinatorStaffId is { } staffId ? coordinators[staffId] : [];
            var recipients = owners[action.OwnerAgencyId].Concat(others).DistinctBy(r => r.UserId);
            var link = ActionItemView.LinkOf(action.CaseId, action.MeetingId, action.MinutesApprovedAt is not null);
            drafts.AddRange(recipients.Select(r => new AlertDraft(new NotificationKey(kind, action.Id, action.DueOn, r.UserId, 1), action.CaseId, title, body,
                link, null, r.Email is { Length: > 0 } ? MailState.Pending : MailState.None)));
        }
        var raised = await writer.RaiseAsync(drafts, cancellationToken);
        logger.LogInformation("Action items: {Open} open and due by {Until}, {Raised} new reminder(s).", open.Count, until, raised.Count);
        return raised.Count;
    }
}
