using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class OutreachPlanConfiguration : IEntityTypeConfiguration<OutreachPlan>
{
    public void Configure(EntityTypeBuilder<OutreachPlan> builder)
    {
        builder.ToTable("OutreachPlans");
        builder.Ignore(p => p.IsApproved);
        builder.Property(p => p.Goal).HasMaxLength(OutreachPlan.GoalMaxLength);
        builder.Property(p => p.Approach).HasMaxLength(OutreachPlan.ApproachMaxLength);
        builder.Property(p => p.DraftedByName).HasMaxLength(100);
        builder.Property(p => p.MeetingKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.LeadId, p.Number }).IsUnique();
        builder.HasOne<OutreachLead>().WithMany().HasForeignKey(p => p.LeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}
