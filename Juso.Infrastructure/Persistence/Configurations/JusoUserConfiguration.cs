using Juso.Domain.Agencies;
using Juso.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class JusoUserConfiguration : IEntityTypeConfiguration<JusoUser>
{
    public void Configure(EntityTypeBuilder<JusoUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(JusoUser.DisplayNameMaxLength);
        builder.HasOne<Staff>().WithMany().HasForeignKey(u => u.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
