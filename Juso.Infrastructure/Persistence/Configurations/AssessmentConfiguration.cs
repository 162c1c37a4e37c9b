using Juso.Domain.Assessments;
using Juso.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        foreach (var text in new[] { nameof(Assessment.Situation), nameof(Assessment.Health), nameof(Assessment.Finances), nameof(Assessment.Housing),
                     nameof(Assessment.FamilyRelations), nameof(Assessment.CommunityTies), nameof(Assessment.Strengths), nameof(Assessment.Wishes) })
        {
            builder.Property(text).HasMaxLength(Assessment.TextMaxLength);
        }
        builder.Property(a => a.RecordedByName).HasMaxLength(100);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.SupportCaseId, a.AssessmentVersion }).IsUnique();
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(a => a.SupportCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.MemberIssues).WithOne().HasForeignKey(i => i.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Sources).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.MemberIssues).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Sources).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
