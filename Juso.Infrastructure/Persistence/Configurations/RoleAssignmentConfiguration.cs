using Juso.Domain.Agencies;
using Juso.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.ToTable("RoleAssignments");
        builder.Property(a => a.PersonInCharge).HasMaxLength(RoleAssignment.PersonMaxLength);
        builder.Property(a => a.Task).HasMaxLength(RoleAssignment.TaskMaxLength);
        builder.Property(a => a.Frequency).HasMaxLength(RoleAssignment.FrequencyMaxLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
