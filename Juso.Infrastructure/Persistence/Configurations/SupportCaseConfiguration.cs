using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class SupportCaseConfiguration : IEntityTypeConfiguration<SupportCase>
{
    public void Configure(EntityTypeBuilder<SupportCase> builder)
    {
        builder.ToTable("Cases");
        builder.Ignore(c => c.Number);
        builder.Ignore(c => c.IsClosed);
        builder.Ignore(c => c.IntakeAgencyId);
        builder.Property(c => c.ClosureEvaluation).HasMaxLength(SupportCase.EvaluationMaxLength);
        builder.Property(c => c.EvaluatedAt).HasMaxLength(SupportCase.ReasonMaxLength);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.IntakeRoute).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CurrentConsent).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.IntakeSummary).HasMaxLength(SupportCase.SummaryMaxLength);
        builder.Property(c => c.ConsulterName).HasMaxLength(SupportCase.ConsulterMaxLength);
        builder.Property(c => c.ClosureReason).HasMaxLength(SupportCase.ReasonMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.FiscalYear, c.Sequence }).IsUnique();
        builder.HasIndex(c => c.IntakeDate);
        builder.HasIndex(c => c.Stage);
        // The name search finds households, then their cases in intake order: covered here without reading the case rows.
        // It also serves the foreign key to Households.
        builder.HasIndex(c => new { c.HouseholdId, c.IntakeDate });

        builder.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.ReferringAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Staff>().WithMany().HasForeignKey(c => c.CoordinatorStaffId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(c => c.Concerns, concern =>
        {
            concern.ToTable("CaseConcerns");
            concern.WithOwner().HasForeignKey("SupportCaseId");
            // The master data's code (ConcernCategoryEntry.Code); the same column and values the enum names had.
            concern.Property(x => x.Category).HasMaxLength(ConcernCategoryEntry.CodeMaxLength);
            concern.HasKey("SupportCaseId", nameof(CaseConcern.Category));
            concern.HasIndex(x => x.Category);
        });
        builder.HasMany(c => c.Agencies).WithOne().HasForeignKey(a => a.SupportCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Consents).WithOne().HasForeignKey(r => r.SupportCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.SupportCaseId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(SupportCase.Concerns), nameof(SupportCase.Agencies), nameof(SupportCase.Consents), nameof(SupportCase.Events) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}
