using Juso.Domain.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class ParticipationCandidateConfiguration : IEntityTypeConfiguration<ParticipationCandidate>
{
    public void Configure(EntityTypeBuilder<ParticipationCandidate> builder)
    {
        // A resource a plan refers to cannot be deleted (it is archived instead).
        builder.HasOne<SocialResource>().WithMany().HasForeignKey(c => c.SocialResourceId).OnDelete(DeleteBehavior.Restrict);
    }
}
