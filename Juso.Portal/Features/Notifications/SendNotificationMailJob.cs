using Juso.Domain.Notifications;
using Juso.Infrastructure.Messaging;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Notifications;

/// <summary>
/// Mails one alert. Enqueued once per alert, separately from the job that raised it, so that a failing SMTP
/// server leaves the in-portal alert in place and this job is retried (and shown as failed) on its own.
/// </summary>
public sealed class SendNotificationMailJob(IDbContextFactory<JusoDbContext> factory, IMailSender sender, MailOptions options, TimeProvider time, ILogger<SendNotificationMailJob> logger)
{
    /// <summary>A claim older than this is taken to belong to a sender that died, and the mail is sent again.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    public async Task RunAsync(int notificationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var utc = now.UtcDateTime;
        var staleBefore = utc - ClaimLease;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Only the sender that wins this update sends: a second copy of the job finds nothing to claim.
        var claimed = await db.Notifications
            .Where(n => n.Id == notificationId && n.MailState == MailState.Pending && n.MailSentAt == null
                        && (n.MailClaimedAt == null || n.MailClaimedAt < staleBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailClaimedAt, utc), cancellationToken);
        if (claimed == 0)
        {
            return;
        }
        var notification = await db.Notifications.SingleAsync(n => n.Id == notificationId, cancellationToken);
        var address = await db.Users.Where(u => u.Id == notification.RecipientUserId && u.IsActive).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(address))
        {
            logger.LogWarning("Notification {Id}: the recipient has no mail address any more; it stays in the portal only.", notificationId);
            notification.DropMail();
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        try
        {
            await sender.SendAsync(Compose(notification, address, options), cancellationToken);
        }
        catch
        {
            // Give the claim back at once so the retry need not wait for the lease.
            await db.Notifications.Where(n => n.Id == notificationId)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailClaimedAt, (DateTime?)null), CancellationToken.None);
            throw;
        }
        notification.MarkMailSent(now);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Title, the alert's text (case numbers and dates only) and a link: nothing that names a person.</summary>
    public static OutgoingMail Compose(Notification notification, string address, MailOptions options) =>
        new(address, $"[Juso] {notification.Title}",
            $"""
            {notification.Body}
            {(notification.Reason is null ? string.Empty : Environment.NewLine + notification.Reason + Environment.NewLine)}
            詳しくはポータルで確認してください:
            {options.PortalBaseUrl.TrimEnd('/')}{notification.Link}

            このメールは Juso から自動で送信しています。個人情報はメールに記載していません。
            """);
}
