using Juso.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class IndicatorTargetsConfiguration : IEntityTypeConfiguration<IndicatorTargets>
{
    public void Configure(EntityTypeBuilder<IndicatorTargets> builder)
    {
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.FiscalYear).IsUnique();
        builder.OwnsMany(t => t.Targets, target =>
        {
            target.ToTable("IndicatorTargetValues");
            target.WithOwner().HasForeignKey("IndicatorTargetsId");
            target.Property(x => x.Indicator).HasConversion<string>().HasMaxLength(40);
            target.Property(x => x.Value).HasPrecision(12, 1);
            target.HasKey("IndicatorTargetsId", nameof(IndicatorTarget.Indicator));
        });
        builder.Navigation(t => t.Targets).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
