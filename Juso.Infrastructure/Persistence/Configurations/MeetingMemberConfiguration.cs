using Juso.Domain.Agencies;
using Juso.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class MeetingMemberConfiguration : IEntityTypeConfiguration<MeetingMember>
{
    public void Configure(EntityTypeBuilder<MeetingMember> builder)
    {
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.HasIndex(m => new { m.MeetingId, m.UserId }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
