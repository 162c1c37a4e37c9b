using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class InformationSourceConfiguration : IEntityTypeConfiguration<InformationSource>
{
    public void Configure(EntityTypeBuilder<InformationSource> builder)
    {
        builder.ToTable("AssessmentSources");
        builder.Property(s => s.SourceName).HasMaxLength(Assessment.SourceNameMaxLength);
        builder.Property(s => s.Content).HasMaxLength(Assessment.TextMaxLength);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
