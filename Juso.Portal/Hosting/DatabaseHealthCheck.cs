using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Juso.Portal.Hosting;

public sealed class DatabaseHealthCheck(IDbContextFactory<JusoDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("データベースに接続できません。");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("データベースに接続できません。", ex);
        }
    }
}
