using Juso.Domain.Cases;
using Juso.Domain.Monitoring;
using Juso.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class MonitoringReviewConfiguration : IEntityTypeConfiguration<MonitoringReview>
{
    public void Configure(EntityTypeBuilder<MonitoringReview> builder)
    {
        builder.Property(r => r.Findings).HasMaxLength(MonitoringReview.TextMaxLength);
        builder.Property(r => r.ReviewedByName).HasMaxLength(100);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.SupportPlanId, r.ReviewedOn });
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(r => r.SupportCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportPlan>().WithMany().HasForeignKey(r => r.SupportPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Goals).WithOne().HasForeignKey(g => g.MonitoringReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Assignments).WithOne().HasForeignKey(a => a.MonitoringReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Goals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Assignments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
