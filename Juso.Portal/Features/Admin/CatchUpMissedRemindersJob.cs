using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Admin;

/// <summary>
/// Run once at start: a daily reminder whose time (日本時間) has already passed today runs now, in the order of the
/// day, so that a portal started or deployed after 08:00 still raises today's overdue alerts today. The scheduler only
/// knows the next occurrence (tomorrow); the jobs are idempotent, so a run the scheduler did make today sends nothing twice.
/// </summary>
public sealed class CatchUpMissedRemindersJob(IDbContextFactory<JusoDbContext> factory, TimeProvider time, IServiceProvider services, ILogger<CatchUpMissedRemindersJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        ReminderSettings settings;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            settings = await ReminderSettingsService.CurrentAsync(db, now, cancellationToken);
        }
        var timeOfDay = TimeOnly.FromDateTime(JapanDate.InJapan(now).DateTime);
        var missed = Schedule(settings).Where(run => run.At <= timeOfDay).OrderBy(run => run.At).ToList();
        foreach (var run in missed)
        {
            logger.LogInformation("Catching up the reminder run of {At} missed before start: {Job}.", run.At, run.Name);
            await run.Run(services, cancellationToken);
        }
        return missed.Count;
    }

    /// <summary>The same times the recurring schedule uses; a job switched off returns at once by itself.</summary>
    private static IEnumerable<(string Name, TimeOnly At, Func<IServiceProvider, CancellationToken, Task> Run)> Schedule(ReminderSettings settings) =>
    [
        (nameof(MeetingReminderJob), settings.MeetingRemindersRunAt, (sp, ct) => sp.GetRequiredService<MeetingReminderJob>().RunAsync(ct)),
        (nameof(AlertOverdueMonitoringJob), settings.OverdueRunAt, (sp, ct) => sp.GetRequiredService<AlertOverdueMonitoringJob>().RunAsync(ct)),
        (nameof(RemindDueMonitoringJob), settings.DueSoonRunAt, (sp, ct) => sp.GetRequiredService<RemindDueMonitoringJob>().RunAsync(ct)),
        (nameof(FollowUpReminderJob), settings.DueSoonRunAt, (sp, ct) => sp.GetRequiredService<FollowUpReminderJob>().RunAsync(ct)),
        (nameof(RemindActionItemsJob), settings.DueSoonRunAt, (sp, ct) => sp.GetRequiredService<RemindActionItemsJob>().RunAsync(ct)),
        // The digest last: it gathers the alerts held back by the runs above.
        (nameof(SendSupervisorDigestJob), settings.DigestRunAt, (sp, ct) => sp.GetRequiredService<SendSupervisorDigestJob>().RunAsync(ct)),
    ];
}
