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
        builder.HasIndex(a => new { a.MeetingId, a.SupportCaseId }).IsUnique();
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
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(a => a.SupportCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
