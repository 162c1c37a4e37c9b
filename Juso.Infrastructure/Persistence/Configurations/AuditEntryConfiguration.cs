using Juso.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Address).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
        builder.Property(a => a.CaseIds).HasMaxLength(AuditEntry.CaseIdsMaxLength);
        builder.Property(a => a.LeadIds).HasMaxLength(AuditEntry.CaseIdsMaxLength);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.CaseId, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
    }
}
