using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Monitoring;

/// <summary>
/// モニタリング期限切れ: every active plan whose due date has passed without a review alerts the coordinator and the
/// lead agency's supervisors (level 1); still unreviewed after the grace period, a second, escalated alert (level 2).
/// </summary>
public sealed class AlertOverdueMonitoringJob(IDbContextFactory<JusoDbContext> factory, TimeProvider time, NotificationWriter writer, ILogger<AlertOverdueMonitoringJob> logger)
{
    public const int FirstLevel = 1;
    public const int EscalatedLevel = 2;

    /// <summary>Returns the number of alerts raised by this run (0 when everything was raised before).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = JapanDate.Today(now);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var settings = await ReminderSettingsService.CurrentAsync(db, now, cancellationToken);
        if (!settings.DigestEnabled)
        {
            await writer.ReleaseHeldMailAsync(cancellationToken);
        }
        await writer.QueueUnsentMailAsync(cancellationToken);
        if (!settings.OverdueEnabled)
        {
            return 0;
        }
        var plans = await MonitoringAlerts.DueBy(db, MonitoringAlerts.Beginning, today.AddDays(-1)).ToListAsync(cancellationToken);
        var drafts = await MonitoringAlerts.DraftsAsync(db, plans, toSupervisors: true, digestSupervisors: settings.DigestEnabled, plan =>
        {
            var days = today.DayNumber - plan.DueOn.DayNumber;
            var escalated = days >= settings.EscalationGraceDays;
            var subject = MonitoringAlerts.DueText(plan);
            return escalated
                ? (NotificationKind.MonitoringOverdue, EscalatedLevel, $"【再通知】モニタリング未実施が続いています（ケース {plan.CaseNumber}）",
                    $"{subject}のモニタリング予定日 {MonitoringAlerts.Date(plan.DueOn)} から{days}日が過ぎ、猶予の{settings.EscalationGraceDays}日を超えても記録がありません。至急モニタリングを行い、記録してください。")
                : (NotificationKind.MonitoringOverdue, FirstLevel, $"モニタリング期限切れ（ケース {plan.CaseNumber}）",
                    $"{subject}のモニタリング予定日 {MonitoringAlerts.Date(plan.DueOn)} を{days}日過ぎています。モニタリングを行い、記録してください。");
        }, cancellationToken);
        var raised = await writer.RaiseAsync(drafts, cancellationToken);
        logger.LogInformation("Overdue monitoring: {Plans} plan(s) overdue, {Raised} new alert(s).", plans.Count, raised.Count);
        return raised.Count;
    }
}
