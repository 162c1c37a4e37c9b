using Juso.Domain.Cases;
using Juso.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class PlanSignatureConfiguration : IEntityTypeConfiguration<PlanSignature>
{
    public void Configure(EntityTypeBuilder<PlanSignature> builder)
    {
        builder.Ignore(s => s.IsSigned);
        builder.Property(s => s.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.Pdf).IsRequired();
        builder.Property(s => s.PrintedByUserId).HasMaxLength(450);
        builder.Property(s => s.PrintedByName).HasMaxLength(100);
        builder.Property(s => s.SignedBy).HasMaxLength(PlanSignature.SignerMaxLength);
        builder.Property(s => s.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Note).HasMaxLength(PlanSignature.NoteMaxLength);
        builder.Property(s => s.RecordedByUserId).HasMaxLength(450);
        builder.Property(s => s.RecordedByName).HasMaxLength(100);
        builder.Property(s => s.ScanFileName).HasMaxLength(PlanSignature.FileNameMaxLength);
        builder.Property(s => s.ScanContentType).HasMaxLength(50);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.SupportCaseId, s.SupportPlanId });
        builder.HasOne<SupportPlan>().WithMany().HasForeignKey(s => s.SupportPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(s => s.SupportCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
