using Juso.Domain.Agencies;
using Juso.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(ActionItem.TextMaxLength);
        builder.Property(a => a.OwnerPerson).HasMaxLength(ActionItem.PersonMaxLength);
        builder.Property(a => a.CompletedBy).HasMaxLength(100);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        // The open tasks of an agency, for the coming reminders and statistics.
        builder.HasIndex(a => new { a.OwnerAgencyId, a.DueOn });
    }
}
