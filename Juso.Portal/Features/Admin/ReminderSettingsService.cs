using Juso.Domain.Auditing;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Admin;

/// <summary>Applies the jobs' times of day to the scheduler (Hosting/BackgroundJobs.cs) after a save.</summary>
public interface IReminderSchedule
{
    void Apply(ReminderSettings settings);
}

public sealed class ReminderSettingsForm
{
    public int? DueSoonDays { get; set; }

    public int? EscalationGraceDays { get; set; }

    public string? MeetingReminderDays { get; set; }

    public int? DigestThreshold { get; set; }

    public bool OverdueEnabled { get; set; }

    public TimeSpan? OverdueRunAt { get; set; }

    public bool DueSoonEnabled { get; set; }

    public TimeSpan? DueSoonRunAt { get; set; }

    public bool MeetingRemindersEnabled { get; set; }

    public TimeSpan? MeetingRemindersRunAt { get; set; }

    public bool DigestEnabled { get; set; }

    public TimeSpan? DigestRunAt { get; set; }

    public int Version { get; set; }

    public static ReminderSettingsForm From(ReminderSettings s) => new()
    {
        DueSoonDays = s.DueSoonDays,
        EscalationGraceDays = s.EscalationGraceDays,
        MeetingReminderDays = s.MeetingReminderDays,
        DigestThreshold = s.DigestThreshold,
        OverdueEnabled = s.OverdueEnabled,
        OverdueRunAt = s.OverdueRunAt.ToTimeSpan(),
        DueSoonEnabled = s.DueSoonEnabled,
        DueSoonRunAt = s.DueSoonRunAt.ToTimeSpan(),
        MeetingRemindersEnabled = s.MeetingRemindersEnabled,
        MeetingRemindersRunAt = s.MeetingRemindersRunAt.ToTimeSpan(),
        DigestEnabled = s.DigestEnabled,
        DigestRunAt = s.DigestRunAt.ToTimeSpan(),
        Version = s.Version,
    };
}

/// <summary>リマインド設定 (administrators): intervals, grace period, on/off and time of day per job.</summary>
public sealed class ReminderSettingsService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time, IReminderSchedule schedule)
{
    /// <summary>What the jobs use: the saved row, or the defaults until an administrator saves.</summary>
    public static async Task<ReminderSettings> CurrentAsync(JusoDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ReminderSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == ReminderSettings.SingletonId, cancellationToken)
        ?? ReminderSettings.CreateDefault(now);

    /// <summary>The last due date today's due-soon reminders cover, or null while due-soon reminders are switched off.</summary>
    public static async Task<DateOnly?> DueSoonUntilAsync(JusoDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await CurrentAsync(db, now, cancellationToken);
        return settings.DueSoonEnabled ? Domain.Common.JapanDate.Today(now).AddDays(settings.DueSoonDays) : null;
    }

    public async Task<ReminderSettingsForm> GetAsync()
    {
        await RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        return ReminderSettingsForm.From(await CurrentAsync(db, time.GetUtcNow()));
    }

    public async Task<SaveResult> SaveAsync(ReminderSettingsForm form)
    {
        var user = await RequireAdministratorAsync();
        return await Saving.GuardAsync(async () =>
        {
            new Domain.Common.RuleCheck()
                .Require(IsTimeOfDay(form.OverdueRunAt), nameof(form.OverdueRunAt), "実行時刻を入力してください。")
                .Require(IsTimeOfDay(form.DueSoonRunAt), nameof(form.DueSoonRunAt), "実行時刻を入力してください。")
                .Require(IsTimeOfDay(form.MeetingRemindersRunAt), nameof(form.MeetingRemindersRunAt), "実行時刻を入力してください。")
                .Require(IsTimeOfDay(form.DigestRunAt), nameof(form.DigestRunAt), "実行時刻を入力してください。")
                .ThrowIfAny();
            var now = time.GetUtcNow();
            await using var db = await factory.CreateDbContextAsync();
            var settings = await db.ReminderSettings.SingleOrDefaultAsync(s => s.Id == ReminderSettings.SingletonId);
            if (settings is null)
            {
                // The defaults have version 0 on screen until the first save.
                if (form.Version != 0)
                {
                    return SaveResult.Conflict();
                }
                settings = ReminderSettings.CreateDefault(now);
                db.ReminderSettings.Add(settings);
            }
            else
            {
                db.Entry(settings).Property(s => s.Version).OriginalValue = form.Version;
            }
            settings.Update(new ReminderSettingsDetails(form.DueSoonDays, form.EscalationGraceDays, form.MeetingReminderDays, form.DigestThreshold,
                Schedule(form.OverdueEnabled, form.OverdueRunAt), Schedule(form.DueSoonEnabled, form.DueSoonRunAt),
                Schedule(form.MeetingRemindersEnabled, form.MeetingRemindersRunAt), Schedule(form.DigestEnabled, form.DigestRunAt)), now);
            audit.Add(db, user, AuditAction.ReminderSettingsChanged,
                detail: $"期限前{settings.DueSoonDays}日、猶予{settings.EscalationGraceDays}日、会議{settings.MeetingReminderDays}日前、まとめ{settings.DigestThreshold}件から");
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                return SaveResult.Conflict();
            }
            schedule.Apply(settings);
            return SaveResult.Saved(settings.Id, settings.Version);
        });
    }

    // The picker gives a time of one day; anything else would not become a TimeOnly.
    private static bool IsTimeOfDay(TimeSpan? at) => at is { Ticks: >= 0 } t && t < TimeSpan.FromDays(1);

    private static JobSchedule Schedule(bool enabled, TimeSpan? at) => new(enabled, TimeOnly.FromTimeSpan(at!.Value));

    private async Task<UserContext> RequireAdministratorAsync()
    {
        var user = await currentUser.GetAsync();
        if (!user.IsInRole(JusoRoles.Administrator))
        {
            throw new AccessDeniedException();
        }
        return user;
    }
}
