using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Monitoring;

/// <summary>
/// 期限切れのまとめ: once a day, a supervisor whose overdue alerts held back at least the threshold (e.g. 3) mails gets
/// one digest mail listing the case numbers instead; fewer go out one by one. The alerts themselves are in the
/// portal already. One digest per supervisor and day, guarded by the same unique key as every alert.
/// </summary>
public sealed class SendSupervisorDigestJob(IDbContextFactory<JusoDbContext> factory, TimeProvider time, NotificationWriter writer, NotificationNotifier notifier, ILogger<SendSupervisorDigestJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = JapanDate.Today(now);
        ReminderSettings settings;
        List<(int Id, string RecipientUserId)> held;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            settings = await ReminderSettingsService.CurrentAsync(db, now, cancellationToken);
            if (!settings.DigestEnabled)
            {
                return 0;
            }
            held = (await db.Notifications.AsNoTracking().Where(n => n.MailState == MailState.Held)
                    .Select(n => new { n.Id, n.RecipientUserId }).ToListAsync(cancellationToken))
                .Select(n => (n.Id, n.RecipientUserId)).ToList();
        }
        var digests = 0;
        foreach (var group in held.GroupBy(h => h.RecipientUserId))
        {
            var ids = group.Select(g => g.Id).ToList();
            if (ids.Count < settings.DigestThreshold)
            {
                await ReleaseAsync(ids, cancellationToken);
            }
            else if (await DigestAsync(group.Key, ids, today, now, cancellationToken) is { } digestId)
            {
                digests++;
                notifier.Publish([group.Key]);
                await writer.QueueMailAsync([digestId], cancellationToken);
            }
        }
        logger.LogInformation("Supervisor digest: {Digests} digest(s) for {Held} held alert(s).", digests, held.Count);
        return digests;
    }

    /// <summary>Too few for a digest: each held mail goes out on its own.</summary>
    private async Task ReleaseAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var notifications = await db.Notifications.Where(n => ids.Contains(n.Id) && n.MailState == MailState.Held).ToListAsync(cancellationToken);
        notifications.ForEach(n => n.ReleaseFromDigest());
        await db.SaveChangesAsync(cancellationToken);
        await writer.QueueMailAsync(notifications.Select(n => n.Id).ToList(), cancellationToken);
    }

    /// <summary>The digest and the held alerts it replaces are saved together; a second run the same day hits the key.</summary>
    private async Task<int?> DigestAsync(string recipientUserId, IReadOnlyList<int> ids, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var notifications = await db.Notifications.Where(n => ids.Contains(n.Id) && n.MailState == MailState.Held)
            .OrderBy(n => n.DueOn).ThenBy(n => n.SubjectId).ToListAsync(cancellationToken);
        if (notifications.Count == 0)
        {
            return null;
        }
        var caseIds = notifications.Select(n => n.CaseId).OfType<int>().Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => SupportCase.FormatNumber(c.FiscalYear, c.Sequence), cancellationToken);
        var hasAddress = await db.Users.AnyAsync(u => u.Id == recipientUserId && u.IsActive && u.Email != null && u.Email != "", cancellationToken);
        var lines = notifications.Select(n =>
            $"・ケース {numbers.GetValueOrDefault(n.CaseId ?? 0, "—")}　予定日 {MonitoringAlerts.Date(n.DueOn)}{(n.Level >= AlertOverdueMonitoringJob.EscalatedLevel ? "（再通知）" : string.Empty)}");
        var digest = Notification.Raise(new NotificationKey(NotificationKind.SupervisorDigest, 0, today, recipientUserId, 0), null,
            $"モニタリング期限切れのまとめ（{notifications.Count}件）",
            Truncate($"モニタリングが期限切れのケースが{notifications.Count}件あります。\n{string.Join("\n", lines)}", Notification.BodyMaxLength),
            "/monitoring/overdue", null, hasAddress ? MailState.Pending : MailState.None, now);
        db.Notifications.Add(digest);
        notifications.ForEach(n => n.IncludeInDigest());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Today's digest exists (another run); what it did not cover waits for tomorrow's.
            return null;
        }
        return digest.MailState == MailState.Pending ? digest.Id : null;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
