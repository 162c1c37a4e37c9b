using Juso.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettings>
{
    public void Configure(EntityTypeBuilder<ReminderSettings> builder)
    {
        builder.Ignore(s => s.MeetingReminderDayList);
        builder.Ignore(s => s.Overdue);
        builder.Ignore(s => s.DueSoon);
        builder.Ignore(s => s.Meetings);
        builder.Ignore(s => s.Digest);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.MeetingReminderDays).HasMaxLength(50);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
