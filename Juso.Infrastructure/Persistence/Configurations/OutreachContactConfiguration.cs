using Juso.Domain.Outreach;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class OutreachContactConfiguration : IEntityTypeConfiguration<OutreachContact>
{
    public void Configure(EntityTypeBuilder<OutreachContact> builder)
    {
        builder.ToTable("OutreachContacts");
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Note).HasMaxLength(OutreachContact.NoteMaxLength);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(450);
        builder.Property(c => c.RecordedByName).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.LeadId, c.OccurredAt });
        builder.HasOne<OutreachLead>().WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Restrict);
    }
}
