using Juso.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class LedgerColumnMappingConfiguration : IEntityTypeConfiguration<LedgerColumnMapping>
{
    public void Configure(EntityTypeBuilder<LedgerColumnMapping> builder)
    {
        builder.Property(m => m.Heading).HasMaxLength(LedgerColumnMapping.HeadingMaxLength);
        builder.Property(m => m.Target).HasMaxLength(LedgerColumnMapping.TargetMaxLength);
        builder.HasIndex(m => m.Heading).IsUnique();
    }
}
