using Juso.Domain.Notifications;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Notifications;

public sealed record NotificationItem(int Id, NotificationKind Kind, int Level, string Title, string Body, string? Reason, string Link, DateTime CreatedAt, bool IsRead);

/// <summary>The signed-in user's own notifications: count, list, mark read. Nobody reads another person's.</summary>
public sealed class NotificationService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, TimeProvider time, NotificationNotifier notifier)
{
    public const int PageSize = 100;

    public async Task<int> UnreadCountAsync()
    {
        var user = await currentUser.GetAsync();
        if (!user.IsAuthenticated)
        {
            return 0;
        }
        await using var db = await factory.CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.RecipientUserId == user.UserId && n.ReadAt == null);
    }

    /// <summary>Newest first; the most recent <see cref="PageSize"/>.</summary>
    public async Task<IReadOnlyList<NotificationItem>> ListAsync(bool unreadOnly, NotificationKind? kind)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == user.UserId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        if (kind is { } k)
        {
            query = query.Where(n => n.Kind == k);
        }
        return await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PageSize)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Level, n.Title, n.Body, n.Reason, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync();
    }

    public async Task MarkReadAsync(int id)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientUserId == user.UserId);
        if (notification is null || notification.IsRead)
        {
            return;
        }
        notification.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync();
        notifier.Publish([user.UserId]);
    }

    public async Task MarkAllReadAsync()
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.Notifications.Where(n => n.RecipientUserId == user.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        if (changed > 0)
        {
            notifier.Publish([user.UserId]);
        }
    }
}
