using Juso.Domain.Monitoring;
using Juso.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class GoalReviewConfiguration : IEntityTypeConfiguration<GoalReview>
{
    public void Configure(EntityTypeBuilder<GoalReview> builder)
    {
        builder.ToTable("MonitoringGoalReviews");
        builder.Property(g => g.Progress).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Note).HasMaxLength(MonitoringReview.TextMaxLength);
        builder.HasOne<Goal>().WithMany().HasForeignKey(g => g.GoalId).OnDelete(DeleteBehavior.Restrict);
    }
}
