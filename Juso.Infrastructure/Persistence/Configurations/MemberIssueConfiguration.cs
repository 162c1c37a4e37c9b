using Juso.Domain.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class MemberIssueConfiguration : IEntityTypeConfiguration<MemberIssue>
{
    public void Configure(EntityTypeBuilder<MemberIssue> builder)
    {
        builder.ToTable("AssessmentMemberIssues");
        builder.Property(i => i.Issue).HasMaxLength(Assessment.TextMaxLength);
        // No foreign key: an assessment is a record of its day and must not stop a member being removed later.
        builder.HasIndex(i => i.MemberId);
    }
}
