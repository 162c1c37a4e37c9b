using Juso.Domain.Notifications;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Notifications;

/// <summary>An alert a job wants raised; the writer raises it unless its key already exists.</summary>
public sealed record AlertDraft(NotificationKey Key, int? CaseId, string Title, string Body, string Link, string? Reason, MailState Mail);

/// <summary>
/// Raises alerts idempotently: check which keys exist, insert the rest; an insert that hits the unique index
/// (another run got there first) counts as already raised. After the commit it tells the bells and queues the mail.
/// </summary>
public sealed class NotificationWriter(IDbContextFactory<JusoDbContext> factory, TimeProvider time, NotificationNotifier notifier, IMailQueue mailQueue, ILogger<NotificationWriter> logger)
{
    private const int ChunkSize = 200;

    /// <summary>Raises what is not raised yet; returns the alerts this call created.</summary>
    public async Task<IReadOnlyList<Notification>> RaiseAsync(IReadOnlyList<AlertDraft> drafts, CancellationToken cancellationToken)
    {
        var raised = new List<Notification>();
        foreach (var chunk in drafts.DistinctBy(d => d.Key).Chunk(ChunkSize))
        {
            raised.AddRange(await RaiseChunkAsync(chunk, cancellationToken));
        }
        if (raised.Count > 0)
        {
            notifier.Publish(raised.Select(n => n.RecipientUserId));
            await QueueMailAsync(raised.Where(n => n.MailState == MailState.Pending).Select(n => n.Id).ToList(), cancellationToken);
        }
        return raised;
    }

    /// <summary>
    /// Queues the mail of alerts whose mail was never queued (a run that stopped between its commit and its
    /// enqueue). A mail queued twice is still sent once: the sender claims it first.
    /// </summary>
    public async Task QueueUnsentMailAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Notifications.Where(n => n.MailState == MailState.Pending && n.MailQueuedAt == null).Select(n => n.Id).ToListAsync(cancellationToken);
        await QueueMailAsync(ids, cancellationToken);
    }

    /// <summary>With the digest switched off, held mails go out on their own.</summary>
    public async Task ReleaseHeldMailAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Notifications.Where(n => n.MailState == MailState.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailState, MailState.Pending), cancellationToken);
    }

    public async Task QueueMailAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }
        // Enqueue first, then note it: a stop in between queues it again (sent once), never loses it.
        foreach (var id in ids)
        {
            mailQueue.Enqueue(id);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            await db.Notifications.Where(n => chunk.Contains(n.Id) && n.MailQueuedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailQueuedAt, now), cancellationToken);
        }
    }

    private async Task<List<Notification>> RaiseChunkAsync(IReadOnlyList<AlertDraft> chunk, CancellationToken cancellationToken)
    {
        var missing = await MissingAsync(chunk, cancellationToken);
        if (missing.Count == 0)
        {
            return [];
        }
        var now = time.GetUtcNow();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var added = missing.Select(d => New(d, now)).ToList();
            db.Notifications.AddRange(added);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return added;
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                logger.LogInformation("Another run raised some of {Count} alerts at the same time; inserting one by one.", missing.Count);
            }
        }
        // One at a time, the unique index deciding each: what the other run inserted is skipped.
        var raised = new List<Notification>();
        foreach (var draft in missing)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var notification = New(draft, now);
            db.Notifications.Add(notification);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                raised.Add(notification);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                // Already raised by the other run.
            }
        }
        return raised;
    }

    private async Task<List<AlertDraft>> MissingAsync(IReadOnlyList<AlertDraft> chunk, CancellationToken cancellationToken)
    {
        var kinds = chunk.Select(d => d.Key.Kind).Distinct().ToList();
        var subjects = chunk.Select(d => d.Key.SubjectId).Distinct().ToList();
        var recipients = chunk.Select(d => d.Key.RecipientUserId).Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = (await db.Notifications.AsNoTracking()
                .Where(n => kinds.Contains(n.Kind) && subjects.Contains(n.SubjectId) && recipients.Contains(n.RecipientUserId))
                .Select(n => new { n.Kind, n.SubjectId, n.DueOn, n.RecipientUserId, n.Level })
                .ToListAsync(cancellationToken))
            .Select(n => new NotificationKey(n.Kind, n.SubjectId, n.DueOn, n.RecipientUserId, n.Level))
            .ToHashSet();
        return chunk.Where(d => !existing.Contains(d.Key)).ToList();
    }

    private static Notification New(AlertDraft draft, DateTimeOffset now) =>
        Notification.Raise(draft.Key, draft.CaseId, draft.Title, draft.Body, draft.Link, draft.Reason, draft.Mail, now);
}
