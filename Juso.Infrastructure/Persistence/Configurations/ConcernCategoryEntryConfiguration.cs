using Juso.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class ConcernCategoryEntryConfiguration : IEntityTypeConfiguration<ConcernCategoryEntry>
{
    public void Configure(EntityTypeBuilder<ConcernCategoryEntry> builder)
    {
        builder.ToTable("ConcernCategories");
        builder.Property(e => e.Code).HasMaxLength(ConcernCategoryEntry.CodeMaxLength);
        builder.Property(e => e.Name).HasMaxLength(ConcernCategoryEntry.NameMaxLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.Code, e.FromYear }).IsUnique();
        // The categories cases already carry, valid from the first 年度 an intake can have: the migration writes them,
        // so existing data reports under the names it was taken with.
        var created = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        builder.HasData(ConcernCategoryEntry.BuiltIn().Select((c, i) => new
        {
            Id = i + 1,
            c.Code,
            c.Name,
            FromYear = SupportCase.EarliestIntakeDate.Year - 1,
            UntilYear = (int?)null,
            c.Order,
            Version = 0,
            CreatedAt = created,
            UpdatedAt = created,
        }));
    }
}
