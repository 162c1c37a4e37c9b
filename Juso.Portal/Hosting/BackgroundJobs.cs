using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Monitoring;
using Juso.Portal.Features.Notifications;
using Juso.Portal.Features.Outreach;
using Juso.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Hosting;

public enum JobStorageKind
{
    /// <summary>Follow Database:Provider: in-memory beside SQLite, SQL Server beside SQL Server.</summary>
    Auto,
    InMemory,
    SqlServer,
}

/// <summary>The "Jobs" configuration section.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    public JobStorageKind Storage { get; set; } = JobStorageKind.Auto;

    /// <summary>Whether this instance processes jobs (off for an instance that serves pages only).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>Whether a start runs today's daily reminders whose time has already passed (off in tests, which run jobs themselves).</summary>
    public bool CatchUpAtStart { get; set; } = true;
}

/// <summary>
/// The only file that names Hangfire: storage by configuration, the server, the recurring schedule (日本時間), the
/// mail queue, the catch-up of runs missed before start, and the dashboard at /jobs for administrators (recurring jobs cannot be deleted there). The jobs themselves are plain classes.
/// </summary>
public static class BackgroundJobs
{
    public const string DashboardPath = "/jobs";

    public static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static void AddJusoJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var kind = options.Storage == JobStorageKind.Auto
            ? database.Provider == DatabaseProvider.SqlServer ? JobStorageKind.SqlServer : JobStorageKind.InMemory
            : options.Storage;
        // One storage instance per host, registered before AddHangfire so that nothing falls back to the static JobStorage.Current.
        services.AddSingleton<JobStorage>(_ => kind == JobStorageKind.SqlServer
            ? new SqlServerStorage(configuration.GetConnectionString("Juso")
                                   ?? throw new InvalidOperationException("Jobs:Storage=SqlServer には ConnectionStrings:Juso の設定が必要です。"),
                new SqlServerStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.Zero })
            : new InMemoryStorage());
        // Likewise the activator: jobs are resolved from this host's services, whatever another host set globally.
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (options.RunServer)
        {
            services.AddHangfireServer(o => o.WorkerCount = Math.Max(1, options.WorkerCount));
        }

        services.AddSingleton<NotificationNotifier>();
        services.AddSingleton<IMailQueue, HangfireMailQueue>();
        services.AddSingleton<IReminderSchedule, HangfireReminderSchedule>();
        services.AddSingleton<NotificationWriter>();
        services.AddTransient<AlertOverdueMonitoringJob>();
        services.AddTransient<RemindDueMonitoringJob>();
        services.AddTransient<SendSupervisorDigestJob>();
        services.AddTransient<MeetingReminderJob>();
        services.AddTransient<FollowUpReminderJob>();
        services.AddTransient<RemindActionItemsJob>();
        services.AddTransient<Features.Participation.RemindParticipationFollowUpsJob>();
        services.AddTransient<RemindOutreachContactJob>();
        services.AddTransient<SendNotificationMailJob>();
        services.AddTransient<CatchUpMissedRemindersJob>();
    }

    /// <summary>Schedules the recurring jobs from the saved settings and maps the dashboard.</summary>
    public static async Task UseJusoJobsAsync(this WebApplication app)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync())
        {
            app.Services.GetRequiredService<IReminderSchedule>().Apply(await ReminderSettingsService.CurrentAsync(db, now));
            if (app.Services.GetRequiredService<JobStorage>() is InMemoryStorage)
            {
                // The in-memory queue died with the last process: mails queued there and not sent are queued again.
                await db.Notifications.Where(n => n.MailState == MailState.Pending && n.MailQueuedAt != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailQueuedAt, (DateTime?)null));
            }
        }
        await app.Services.GetRequiredService<NotificationWriter>().QueueUnsentMailAsync(CancellationToken.None);
        // The scheduler's next run is tomorrow's: today's runs already past are made now, on whichever instance processes jobs.
        if (app.Configuration.GetSection(JobOptions.Section).Get<JobOptions>()?.CatchUpAtStart ?? true)
        {
            app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CatchUpMissedRemindersJob>(j => j.RunAsync(CancellationToken.None));
        }
        // The dashboard answers 401/403 itself; the portal's status pages would turn them into a sign-in redirect or a form post.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DashboardPath), branch => branch.Use((context, next) =>
        {
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }
            // The recurring jobs are the portal's (リマインド設定 changes them, every start re-creates them): deleting one
            // here would silence its alerts until the next start, so the dashboard refuses it. Triggering one stays.
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals($"{DashboardPath}/recurring/remove", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }
            return next();
        }));
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdministratorDashboardFilter()],
            DashboardTitle = "Juso ジョブ",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>());
    }

    /// <summary>"HH:mm every day" as cron, read in 日本時間 by the scheduler.</summary>
    public static string Daily(TimeOnly at) => Cron.Daily(at.Hour, at.Minute);

    private sealed class HangfireMailQueue(IBackgroundJobClient jobs) : IMailQueue
    {
        public void Enqueue(int notificationId) =>
            jobs.Enqueue<SendNotificationMailJob>(job => job.RunAsync(notificationId, CancellationToken.None));
    }

    /// <summary>Job id = class name; times in Asia/Tokyo. A job switched off stays scheduled and returns at once, so it can be switched on without a restart.</summary>
    private sealed class HangfireReminderSchedule(IRecurringJobManager recurring) : IReminderSchedule
    {
        public void Apply(ReminderSettings settings)
        {
            var options = new RecurringJobOptions { TimeZone = Japan };
            recurring.AddOrUpdate<AlertOverdueMonitoringJob>(nameof(AlertOverdueMonitoringJob), j => j.RunAsync(CancellationToken.None), Daily(settings.OverdueRunAt), options);
            recurring.AddOrUpdate<RemindDueMonitoringJob>(nameof(RemindDueMonitoringJob), j => j.RunAsync(CancellationToken.None), Daily(settings.DueSoonRunAt), options);
            // 終結後フォロー has no switch of its own: a date a member set is always reminded, at the due-soon time.
            recurring.AddOrUpdate<FollowUpReminderJob>(nameof(FollowUpReminderJob), j => j.RunAsync(CancellationToken.None), Daily(settings.DueSoonRunAt), options);
            recurring.AddOrUpdate<RemindActionItemsJob>(nameof(RemindActionItemsJob), j => j.RunAsync(CancellationToken.None), Daily(settings.DueSoonRunAt), options);
            recurring.AddOrUpdate<Features.Participation.RemindParticipationFollowUpsJob>(nameof(Features.Participation.RemindParticipationFollowUpsJob),
                j => j.RunAsync(CancellationToken.None), Daily(settings.DueSoonRunAt), options);
            recurring.AddOrUpdate<RemindOutreachContactJob>(nameof(RemindOutreachContactJob), j => j.RunAsync(CancellationToken.None), Daily(settings.DueSoonRunAt), options);
            recurring.AddOrUpdate<MeetingReminderJob>(nameof(MeetingReminderJob), j => j.RunAsync(CancellationToken.None), Daily(settings.MeetingRemindersRunAt), options);
            recurring.AddOrUpdate<SendSupervisorDigestJob>(nameof(SendSupervisorDigestJob), j => j.RunAsync(CancellationToken.None), Daily(settings.DigestRunAt), options);
        }
    }
}

/// <summary>
/// The dashboard shows job arguments and can trigger jobs: signed-in administrators only (401 otherwise, 403 for other
/// roles, which is audited as a refusal by role).
/// </summary>
public sealed class AdministratorDashboardFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        if (http.User.IsInRole(JusoRoles.Administrator))
        {
            return true;
        }
        await RoleRefusal.AuditAsync(http.RequestServices.GetRequiredService<AuditLog>(), http);
        return false;
    }
}
