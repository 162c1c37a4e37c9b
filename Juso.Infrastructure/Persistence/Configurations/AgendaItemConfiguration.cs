using Juso.Domain.Cases;
using Juso.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.MeetingId, a.SupportCaseId }).IsUnique();
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(a => a.SupportCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
