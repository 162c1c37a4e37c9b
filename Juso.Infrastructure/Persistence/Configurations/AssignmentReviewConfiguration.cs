using Juso.Domain.Monitoring;
using Juso.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class AssignmentReviewConfiguration : IEntityTypeConfiguration<AssignmentReview>
{
    public void Configure(EntityTypeBuilder<AssignmentReview> builder)
    {
        builder.ToTable("MonitoringAssignmentReviews");
        builder.Property(a => a.Note).HasMaxLength(MonitoringReview.TextMaxLength);
        builder.HasOne<RoleAssignment>().WithMany().HasForeignKey(a => a.AssignmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
