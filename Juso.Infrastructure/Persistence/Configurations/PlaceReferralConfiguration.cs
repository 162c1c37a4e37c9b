using Juso.Domain.Cases;
using Juso.Domain.Community;
using Juso.Domain.Outreach;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class PlaceReferralConfiguration : IEntityTypeConfiguration<PlaceReferral>
{
    public void Configure(EntityTypeBuilder<PlaceReferral> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(CommunityPlace.ShortTextMaxLength);
        builder.Property(r => r.Note).HasMaxLength(CommunityPlace.TextMaxLength);
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(r => r.SupportCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OutreachLead>().WithMany().HasForeignKey(r => r.LeadId).OnDelete(DeleteBehavior.Restrict);
    }
}
