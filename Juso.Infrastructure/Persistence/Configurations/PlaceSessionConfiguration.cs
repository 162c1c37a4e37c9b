using Juso.Domain.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class PlaceSessionConfiguration : IEntityTypeConfiguration<PlaceSession>
{
    public void Configure(EntityTypeBuilder<PlaceSession> builder)
    {
        builder.Property(s => s.Note).HasMaxLength(CommunityPlace.TextMaxLength);
        // One record per place and day; the yearly 延べ人数 sums sessions by date.
        builder.HasIndex(s => new { s.CommunityPlaceId, s.HeldOn }).IsUnique();
    }
}
