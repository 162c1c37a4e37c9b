using Juso.Domain.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class ParticipationFollowUpConfiguration : IEntityTypeConfiguration<ParticipationFollowUp>
{
    public void Configure(EntityTypeBuilder<ParticipationFollowUp> builder)
    {
        builder.Property(f => f.Target).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Note).HasMaxLength(ParticipationPlan.TextMaxLength);
        builder.Property(f => f.RecordedByName).HasMaxLength(100);
    }
}
