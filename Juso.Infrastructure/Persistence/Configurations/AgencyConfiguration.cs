using Juso.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Agency.NameMaxLength);
        builder.Property(a => a.Contact).HasMaxLength(Agency.ContactMaxLength);
        builder.Property(a => a.Field).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Operation).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Department).HasMaxLength(Agency.DepartmentMaxLength);
        // Programs: flags (第1号 = 1, 第2号 = 2, …) in one integer column, 0 for the agencies there were before.
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.Name).IsUnique();
    }
}
