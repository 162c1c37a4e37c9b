using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Juso.Portal.Features.Documents;

/// <summary>Printing needs Chromium and a Japanese font; says which is missing, in Japanese (registered as Degraded: the rest of the portal works).</summary>
public sealed class DocumentHealthCheck(JapaneseFontProbe probe) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(probe.Problem() is { } problem ? new HealthCheckResult(context.Registration.FailureStatus, problem) : HealthCheckResult.Healthy("PDF印刷: Chromium と日本語フォントがあります。"));
}
