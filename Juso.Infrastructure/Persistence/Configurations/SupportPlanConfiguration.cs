using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class SupportPlanConfiguration : IEntityTypeConfiguration<SupportPlan>
{
    public void Configure(EntityTypeBuilder<SupportPlan> builder)
    {
        builder.ToTable("Plans");
        builder.Ignore(p => p.IsInternalOnly);
        builder.Ignore(p => p.CanBePrintedForSignature);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ApprovalNote).HasMaxLength(SupportPlan.NoteMaxLength);
        builder.Property(p => p.EndNote).HasMaxLength(SupportPlan.NoteMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.SupportCaseId, p.PlanVersion }).IsUnique();
        // The overdue-monitoring scan (issue 5) asks for active plans by due date.
        builder.HasIndex(p => new { p.Status, p.NextMonitoringDue });
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(p => p.SupportCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.SupportPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Assignments).WithOne().HasForeignKey(a => a.SupportPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Goals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Assignments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
