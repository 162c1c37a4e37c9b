using Juso.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> builder)
    {
        builder.ToTable("Staff");
        builder.Property(s => s.Name).HasMaxLength(Staff.NameMaxLength);
        builder.Property(s => s.Kana).HasMaxLength(Staff.NameMaxLength);
        builder.Property(s => s.Title).HasMaxLength(Staff.TitleMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
