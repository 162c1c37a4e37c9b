using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Domain.Participation;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Participation;

/// <summary>
/// 参加支援のフォローアップ: a plan not ended reminds its worker once when its next follow-up comes within the configured
/// days (the setting of モニタリング期限が近い), and once more when it is overdue. The natural key (kind, plan, due date,
/// recipient, level) makes a second run send nothing; a follow-up recorded moves the due date, which is a new key.
/// A worker whose account is gone: the administrators are told, with the reason.
/// </summary>
public sealed class RemindParticipationFollowUpsJob(IDbContextFactory<JusoDbContext> factory, TimeProvider time, NotificationWriter writer,
    ILogger<RemindParticipationFollowUpsJob> logger)
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
        var due = await (from p in db.ParticipationPlans.AsNoTracking()
                         join c in db.Cases.AsNoTracking() on p.SupportCaseId equals c.Id
                         where p.Status != ParticipationStatus.Ended && p.NextFollowUpDue != null && p.NextFollowUpDue <= until
                         orderby p.Id
                         select new { p.Id, CaseId = c.Id, c.FiscalYear, c.Sequence, p.WorkerUserId, Due = p.NextFollowUpDue!.Value })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var workers = await AlertRecipients.ByUserIdAsync(db, due.Select(d => d.WorkerUserId).Distinct().ToList(), cancellationToken);
        var administrators = await AlertRecipients.AdministratorsAsync(db, cancellationToken);
        var drafts = new List<AlertDraft>();
        foreach (var plan in due)
        {
            var overdue = plan.Due < today;
            var days = plan.Due.DayNumber - today.DayNumber;
            var number = Domain.Cases.SupportCase.FormatNumber(plan.FiscalYear, plan.Sequence);
            var title = overdue ? $"参加支援のフォローアップが遅れています（ケース {number}）" : $"参加支援のフォローアップ予定日が近づいています（ケース {number}）";
            var body = $"参加支援プランの次回フォローアップ予定日は {JapaneseFormat.WarekiDateWithWeekday(plan.Due)}"
                       + (overdue ? $"で、{-days}日過ぎています。" : $"（{(days == 0 ? "今日" : $"{days}日後")}）です。")
                       + "受入先と本人を訪ねたら、参加支援プランの画面でフォローアップを記録してください。";
            IReadOnlyList<Recipient> to = workers.TryGetValue(plan.WorkerUserId, out var worker) ? [worker] : administrators;
            var reason = worker is null ? "このプランの担当者に有効なアカウントがないため、管理者にお知らせしています。" : null;
            drafts.AddRange(to.Select(r => new AlertDraft(new NotificationKey(NotificationKind.ParticipationFollowUpDue, plan.Id, plan.Due, r.UserId, overdue ? 2 : 1),
                plan.CaseId, title, body, $"/participation/{plan.Id}", reason, r.Email is { Length: > 0 } ? MailState.Pending : MailState.None)));
        }
        var raised = await writer.RaiseAsync(drafts, cancellationToken);
        logger.LogInformation("Participation follow-ups: {Due} due by {Until}, {Raised} new reminder(s).", due.Count, until, raised.Count);
        return raised.Count;
    }
}
