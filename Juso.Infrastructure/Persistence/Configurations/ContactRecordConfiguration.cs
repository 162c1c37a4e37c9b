using Juso.Domain.Cases;
using Juso.Domain.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class ContactRecordConfiguration : IEntityTypeConfiguration<ContactRecord>
{
    public void Configure(EntityTypeBuilder<ContactRecord> builder)
    {
        builder.ToTable("ContactRecords");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.WithWhom).HasMaxLength(ContactRecord.WithWhomMaxLength);
        builder.Property(c => c.Content).HasMaxLength(ContactRecord.ContentMaxLength);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(450);
        builder.Property(c => c.RecordedByName).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.SupportCaseId, c.OccurredAt });
        builder.HasIndex(c => new { c.IsFollowUp, c.SupportCaseId });
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(c => c.SupportCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
