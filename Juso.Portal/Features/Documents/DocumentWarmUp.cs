using System.Diagnostics;
using Juso.Domain.Common;

namespace Juso.Portal.Features.Documents;

/// <summary>
/// Warms the renderer once the portal has started (Documents:WarmUpAtStart): launches Chromium, derives the print font
/// and prints a small page nobody sees, so the first real print costs what any print costs (docs/adr 0018). It never
/// delays or fails the start: it waits for the start to finish, and without Chromium or a font it only logs, as the
/// health check reports.
/// </summary>
public sealed class DocumentWarmUp(IDocumentRenderer renderer, JapaneseFontProbe probe, DocumentOptions options, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<DocumentWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        if (probe.Problem() is { } problem)
        {
            logger.LogWarning("Printing was not warmed up: {Problem}", problem);
            return;
        }
        var watch = Stopwatch.StartNew();
        try
        {
            await renderer.RenderPdfAsync(new WarmUpDocumentModel { Municipality = options.Municipality, PrintedAt = JapanDate.InJapan(time.GetUtcNow()) }, stoppingToken);
            logger.LogInformation("Printing warmed up in {Milliseconds} ms", watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while warming: nothing to keep.
        }
        catch (Exception ex)
        {
            // Whatever failed here, the portal runs on: the first print tries again and tells the user in Japanese.
            logger.LogWarning(ex, "Printing could not be warmed up; the first print will launch Chromium");
        }
    }
}
