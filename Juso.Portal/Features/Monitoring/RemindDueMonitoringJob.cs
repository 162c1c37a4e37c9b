using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Monitoring;

/// <summary>モニタリング期限が近い: plans due within the configured days (e.g. 7) remind their coordinator once per due date.</summary>
public sealed class RemindDueMonitoringJob(IDbContextFactory<JusoDbContext> factory, TimeProvider time, NotificationWriter writer, ILogger<RemindDueMonitoringJob> logger)
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
        var plans = await MonitoringAlerts.DueBy(db, today, until).ToListAsync(cancellationToken);
        var drafts = await MonitoringAlerts.DraftsAsync(db, plans, toSupervisors: false, digestSupervisors: false, plan =>
        {
            var days = plan.DueOn.DayNumber - today.DayNumber;
            var when = days == 0 ? "今日" : $"{days}日後";
            return (NotificationKind.MonitoringDueSoon, 0, $"モニタリング期限が近づいています（ケース {plan.CaseNumber}）",
                $"{MonitoringAlerts.DueText(plan)}のモニタリング予定日は {MonitoringAlerts.Date(plan.DueOn)}（{when}）です。");
        }, cancellationToken);
        var raised = await writer.RaiseAsync(drafts, cancellationToken);
        logger.LogInformation("Monitoring due soon: {Plans} plan(s), {Raised} new reminder(s).", plans.Count, raised.Count);
        return raised.Count;
    }
}
