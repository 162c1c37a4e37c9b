using Juso.Domain.Cases;
using Juso.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Ignore(n => n.Key);
        builder.Ignore(n => n.IsRead);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.MailState).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.RecipientUserId).HasMaxLength(450);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        builder.Property(n => n.Reason).HasMaxLength(Notification.ReasonMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        // The natural key: an insert that hits it means the alert was already raised (docs/adr, idempotent alerts).
        // Every column is NOT NULL so that SQL Server does not filter the index and SQLite does not treat NULLs as distinct.
        builder.HasIndex(n => new { n.Kind, n.SubjectId, n.DueOn, n.RecipientUserId, n.Level }).IsUnique();
        builder.HasIndex(n => new { n.RecipientUserId, n.ReadAt });
        builder.HasIndex(n => new { n.MailState, n.MailQueuedAt });
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
