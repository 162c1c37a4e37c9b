using Juso.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class LedgerValueMappingConfiguration : IEntityTypeConfiguration<LedgerValueMapping>
{
    public void Configure(EntityTypeBuilder<LedgerValueMapping> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Value).HasMaxLength(LedgerValueMapping.ValueMaxLength);
        builder.Property(m => m.Target).HasMaxLength(LedgerValueMapping.TargetMaxLength);
        builder.HasIndex(m => new { m.Kind, m.Value }).IsUnique();
    }
}
