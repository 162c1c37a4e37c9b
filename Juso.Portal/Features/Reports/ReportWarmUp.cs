using System.Diagnostics;

namespace Juso.Portal.Features.Reports;

/// <summary>
/// Counts the municipality's closed 年度 of the yearly report once the portal has started (Reports:WarmUpAtStart), so
/// that the first report after a start reads the current 年度 only, as every later one does (docs/adr/0026). It never
/// delays or fails the start: it waits for the start to finish, and a failure only logs (the first report counts then).
/// </summary>
public sealed class ReportWarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<ReportWarmUp> logger) : BackgroundService
{
    public const string Setting = "Reports:WarmUpAtStart";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        var watch = Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var years = await scope.ServiceProvider.GetRequiredService<ReportService>().WarmAsync(stoppingToken);
            logger.LogInformation("Yearly report warmed up: {Years} closed 年度 counted in {Milliseconds} ms", years, watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while counting: nothing kept is half counted (the cache keeps whole columns only).
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The yearly report could not be warmed up; the first report counts every 年度");
        }
    }
}
