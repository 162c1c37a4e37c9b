using Juso.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(h => h.Address).HasMaxLength(Household.AddressMaxLength);
        builder.Property(h => h.Phone).HasMaxLength(Household.PhoneMaxLength);
        builder.Property(h => h.Note).HasMaxLength(Household.NoteMaxLength);
        builder.Property(h => h.Version).IsConcurrencyToken();
        // SQLite: triggers keep the household search index (HouseholdSearchIndex), and EF's RETURNING does not go with AFTER triggers.
        builder.ToTable(t => t.UseSqlReturningClause(false));
        // Empty in rows stored before the key existed; DatabaseInitializer fills those at startup through the Domain.
        builder.Property(h => h.SearchKey).HasMaxLength(HouseholdSearch.KeyMaxLength);
        builder.Ignore(h => h.Principal);
        builder.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
