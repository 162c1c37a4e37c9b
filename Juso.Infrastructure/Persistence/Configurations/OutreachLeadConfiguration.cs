using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Outreach;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class OutreachLeadConfiguration : IEntityTypeConfiguration<OutreachLead>
{
    public void Configure(EntityTypeBuilder<OutreachLead> builder)
    {
        builder.ToTable("OutreachLeads");
        builder.Ignore(l => l.HasConsent);
        builder.Ignore(l => l.IsOpen);
        builder.Property(l => l.Description).HasMaxLength(OutreachLead.DescriptionMaxLength);
        builder.Property(l => l.Address).HasMaxLength(OutreachLead.AddressMaxLength);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(l => l.SourceNote).HasMaxLength(OutreachLead.SourceNoteMaxLength);
        builder.Property(l => l.Worry).HasMaxLength(OutreachLead.WorryMaxLength);
        builder.Property(l => l.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.ConsentMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.ConsentWithdrawnMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.EndReason).HasMaxLength(OutreachLead.ReasonMaxLength);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => new { l.ResponsibleAgencyId, l.Stage });
        builder.HasIndex(l => l.RegisteredOn);
        // One lead becomes at most one case; the index makes a second conversion fail even between two servers.
        builder.HasIndex(l => l.ConvertedCaseId).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(l => l.ResponsibleAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(l => l.SourceAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Staff>().WithMany().HasForeignKey(l => l.OutreachWorkerStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(l => l.ConvertedCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
