using Juso.Domain.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class SocialResourceConfiguration : IEntityTypeConfiguration<SocialResource>
{
    public void Configure(EntityTypeBuilder<SocialResource> builder)
    {
        builder.Ignore(r => r.AcceptsParticipants);
        builder.Property(r => r.Name).HasMaxLength(SocialResource.NameMaxLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Description).HasMaxLength(SocialResource.TextMaxLength);
        builder.Property(r => r.Place).HasMaxLength(SocialResource.ShortTextMaxLength);
        builder.Property(r => r.Schedule).HasMaxLength(SocialResource.ShortTextMaxLength);
        builder.Property(r => r.SuitedFor).HasMaxLength(SocialResource.TextMaxLength);
        builder.Property(r => r.ContactPerson).HasMaxLength(SocialResource.ShortTextMaxLength);
        builder.Property(r => r.Accessibility).HasMaxLength(SocialResource.TextMaxLength);
        builder.Property(r => r.RaisedAt).HasMaxLength(SocialResource.ShortTextMaxLength);
        builder.Property(r => r.DevelopmentNote).HasMaxLength(SocialResource.TextMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // The directory filters by status and kind; the register of lacking resources is status = Lacking.
        builder.HasIndex(r => new { r.Status, r.Kind });
    }
}
