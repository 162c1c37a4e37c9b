using Juso.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> builder)
    {
        builder.Property(m => m.FamilyName).HasMaxLength(HouseholdMember.NameMaxLength);
        builder.Property(m => m.GivenName).HasMaxLength(HouseholdMember.NameMaxLength);
        builder.Property(m => m.FamilyNameKana).HasMaxLength(HouseholdMember.NameMaxLength);
        builder.Property(m => m.GivenNameKana).HasMaxLength(HouseholdMember.NameMaxLength);
        builder.Property(m => m.Note).HasMaxLength(HouseholdMember.NoteMaxLength);
        builder.Property(m => m.Relationship).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Sex).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(m => m.IsPrincipal);
        builder.Ignore(m => m.FullName);
        builder.Ignore(m => m.FullNameKana);
        builder.Ignore(m => m.Initials);
        builder.HasIndex(m => new { m.FamilyNameKana, m.GivenNameKana });
    }
}
