using Juso.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juso.Infrastructure.Persistence.Configurations;

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.ToTable("PlanGoals");
        builder.Property(g => g.Term).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Text).HasMaxLength(Goal.TextMaxLength);
    }
}
