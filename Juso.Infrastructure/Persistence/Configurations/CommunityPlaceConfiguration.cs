using Juso.Domain.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class CommunityPlaceConfiguration : IEntityTypeConfiguration<CommunityPlace>
{
    public void Configure(EntityTypeBuilder<CommunityPlace> builder)
    {
        builder.Ignore(p => p.TotalParticipants);
        builder.Property(p => p.Name).HasMaxLength(CommunityPlace.NameMaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Organiser).HasMaxLength(CommunityPlace.ShortTextMaxLength);
        builder.Property(p => p.Location).HasMaxLength(CommunityPlace.ShortTextMaxLength);
        builder.Property(p => p.Recurrence).HasMaxLength(CommunityPlace.ShortTextMaxLength);
        builder.Property(p => p.Description).HasMaxLength(CommunityPlace.TextMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Sessions).WithOne().HasForeignKey(s => s.CommunityPlaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Referrals).WithOne().HasForeignKey(r => r.CommunityPlaceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Sessions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Referrals).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
