using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class CaseAgencyConfiguration : IEntityTypeConfiguration<CaseAgency>
{
    public void Configure(EntityTypeBuilder<CaseAgency> builder)
    {
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // Access checks ask "is agency X in case Y" on every case read.
        builder.HasIndex(a => new { a.AgencyId, a.SupportCaseId });
    }
}
