using Juso.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Ignore(m => m.IsOverRecommendedSize);
        builder.Ignore(m => m.IsMinutesApproved);
        builder.Ignore(m => m.FiscalYear);
        builder.Ignore(m => m.IsCancelled);
        builder.Ignore(m => m.IsEnded);
        builder.Ignore(m => m.BookedMinutes);
        builder.Property(m => m.CancelReason).HasMaxLength(Meeting.CancelReasonMaxLength);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Cadence).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Place).HasMaxLength(Meeting.PlaceMaxLength);
        builder.Property(m => m.ChairUserId).HasMaxLength(450);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.ScheduledAt);
        // The meetings numbered together: one kind in one 年度.
        builder.HasIndex(m => new { m.Kind, m.ScheduledAt });
        builder.HasMany(m => m.Members).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Decisions).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.ActionItems).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Agenda).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Decisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.ActionItems).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
