using Juso.Domain.Cases;
using Juso.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.TopicTitle).HasMaxLength(AgendaItem.TopicTitleMaxLength);
        builder.Property(a => a.TopicDescription).HasMaxLength(AgendaItem.TopicDescriptionMaxLength);
        builder.Ignore(a => a.IsCase);
        // A case once per meeting; topic items (no case) are not counted (SQL Server filters the NULLs out, SQLite never counts them).
        builder.HasIndex(a => new { a.MeetingId, a.SupportCaseId }).IsUnique();
        builder.HasIndex(a => new { a.MeetingId, a.LeadId }).IsUnique();
        builder.OwnsMany(a => a.AgreedAssignments, agreed =>
        {
            agreed.ToTable("AgreedAssignments");
            // A key of its own (not EF's default composite one), so that SQLite can number the rows.
            agreed.Property<int>("Id").ValueGeneratedOnAdd();
            agreed.HasKey("Id");
            agreed.Property(x => x.AgencyName).HasMaxLength(Juso.Domain.Agencies.Agency.NameMaxLength);
            agreed.Property(x => x.PersonInCharge).HasMaxLength(Juso.Domain.Plans.RoleAssignment.PersonMaxLength);
            agreed.Property(x => x.Task).HasMaxLength(Juso.Domain.Plans.RoleAssignment.TaskMaxLength);
            agreed.Property(x => x.Frequency).HasMaxLength(Juso.Domain.Plans.RoleAssignment.FrequencyMaxLength);
            agreed.Property(x => x.Status).HasMaxLength(20);
        });
        builder.Navigation(a => a.AgreedAssignments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.MonitoringCaptured);
        builder.Property(a => a.Findings).HasMaxLength(Juso.Domain.Monitoring.MonitoringReview.TextMaxLength);
        builder.Property(a => a.ClosureEvaluation).HasMaxLength(SupportCase.EvaluationMaxLength);
        builder.Property(a => a.ClosureReason).HasMaxLength(SupportCase.ReasonMaxLength);
        builder.Property(a => a.HandBackReason).HasMaxLength(SupportCase.ReasonMaxLength);
        builder.HasOne<Juso.Domain.Agencies.Agency>().WithMany().HasForeignKey(a => a.CarryingOnAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(a => a.CapturedGoals, goal =>
        {
            goal.ToTable("AgendaGoalReviews");
            goal.Property<int>("Id").ValueGeneratedOnAdd();
            goal.HasKey("Id");
            goal.Property(x => x.Progress).HasConversion<string>().HasMaxLength(20);
            goal.Property(x => x.Note).HasMaxLength(Juso.Domain.Monitoring.MonitoringReview.TextMaxLength);
        });
        builder.Navigation(a => a.CapturedGoals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(a => a.CapturedAssignments, assignment =>
        {
            assignment.ToTable("AgendaAssignmentReviews");
            assignment.Property<int>("Id").ValueGeneratedOnAdd();
            assignment.HasKey("Id");
            assignment.Property(x => x.Note).HasMaxLength(Juso.Domain.Monitoring.MonitoringReview.TextMaxLength);
        });
        builder.Navigation(a => a.CapturedAssignments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(a => a.SupportCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Juso.Domain.Outreach.OutreachLead>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Restrict);
    }
}
