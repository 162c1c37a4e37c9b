using Juso.Domain.Cases;
using Juso.Domain.Households;
using Juso.Domain.Participation;
using Juso.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class ParticipationPlanConfiguration : IEntityTypeConfiguration<ParticipationPlan>
{
    public void Configure(EntityTypeBuilder<ParticipationPlan> builder)
    {
        builder.Property(p => p.WorkerUserId).HasMaxLength(450);
        builder.Property(p => p.WorkerName).HasMaxLength(100);
        builder.Property(p => p.Goal).HasMaxLength(ParticipationPlan.TextMaxLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.PersonWishes).HasMaxLength(ParticipationPlan.TextMaxLength);
        builder.Property(p => p.HostBriefing).HasMaxLength(ParticipationPlan.TextMaxLength);
        builder.Property(p => p.HostAgreement).HasMaxLength(ParticipationPlan.TextMaxLength);
        builder.Property(p => p.OutcomeNote).HasMaxLength(ParticipationPlan.TextMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        // The follow-up reminder scan asks for open plans by due date.
        builder.HasIndex(p => new { p.Status, p.NextFollowUpDue });
        builder.HasIndex(p => p.SupportCaseId);
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(p => p.SupportCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HouseholdMember>().WithMany().HasForeignKey(p => p.HouseholdMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportPlan>().WithMany().HasForeignKey(p => p.SupportPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SocialResource>().WithMany().HasForeignKey(p => p.MatchedResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Candidates).WithOne().HasForeignKey(c => c.ParticipationPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.FollowUps).WithOne().HasForeignKey(f => f.ParticipationPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Candidates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.FollowUps).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
