using Juso.Domain.Cases;
using Juso.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.Property(e => e.Number).HasMaxLength(LedgerRowReader.NumberMaxLength);
        builder.Property(e => e.FileName).HasMaxLength(LedgerEntry.FileNameMaxLength);
        builder.Property(e => e.Fingerprint).HasMaxLength(64);
        builder.Property(e => e.Version).IsConcurrencyToken();
        // One case per 台帳番号: a second import of the same number can only update it.
        builder.HasIndex(e => e.Number).IsUnique();
        builder.HasIndex(e => e.SupportCaseId).IsUnique();
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(e => e.SupportCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
