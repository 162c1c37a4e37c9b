using Juso.Portal.Features.Documents;
using Juso.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Juso.Tests.Features.Documents;

/// <summary>The renderer is warmed in the background after start, so the clerk's first print does not wait for Chromium.</summary>
[Collection(DocumentCollection.Name)]
public sealed class DocumentWarmUpTests(RendererFixture fixture)
{
    [Fact]
    public async Task AfterStart_ChromiumIsLaunchedWithoutAnyPrintRequest_AndTheFirstPrintReusesIt()
    {
        await using var host = Host(fixture.ChromiumPath);
        var renderer = host.Services.GetRequiredService<ChromiumPdfRenderer>();

        await host.StartAsync();
        await WarmUpOf(host).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, renderer.Launches);
        var pdf = await renderer.RenderPdfAsync(DocumentSamples.TwoPagePlan());
        Assert.Contains("内容に同意します", string.Concat(PdfText.Pages(pdf)));
        Assert.Equal(1, renderer.Launches);
        await host.StopAsync();
    }

    [Fact]
    public async Task StartIsNotHeldUpByTheWarmUp()
    {
        var printing = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var renderer = new BlockedRenderer(printing.Task);
        await using var host = Host(fixture.ChromiumPath, services => services.AddSingleton<IDocumentRenderer>(renderer));

        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // Started while the warm-up print is still under way.
        await renderer.Called.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(WarmUpOf(host).IsCompleted);
        printing.SetResult([]);
        await WarmUpOf(host).WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();
    }

    [Fact]
    public async Task WithoutChromium_TheHostStartsAndKeepsRunning_AndNothingIsLaunched()
    {
        await using var host = Host("/nonexistent/chromium");
        var renderer = host.Services.GetRequiredService<ChromiumPdfRenderer>();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await WarmUpOf(host).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(WarmUpOf(host).IsCompletedSuccessfully);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.Equal(0, renderer.Launches);
        await host.StopAsync();
    }

    private static TestHost Host(string chromiumPath, Action<IServiceCollection>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddPrintRenderer(new DocumentOptions { ChromiumPath = chromiumPath });
        builder.Services.AddSingleton(TimeProvider.System);
        configure?.Invoke(builder.Services);
        builder.Services.AddHostedService<DocumentWarmUp>();
        return new TestHost(builder.Build());
    }

    private static Task WarmUpOf(TestHost host) => host.Services.GetServices<IHostedService>().OfType<DocumentWarmUp>().Single().ExecuteTask!;

    /// <summary>The host, disposed asynchronously as the renderer (IAsyncDisposable only) needs.</summary>
    private sealed class TestHost(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public Task StartAsync() => host.StartAsync();

        public Task StopAsync() => host.StopAsync();

        public ValueTask DisposeAsync() => ((IAsyncDisposable)host).DisposeAsync();
    }

    private sealed class BlockedRenderer(Task<byte[]> printing) : IDocumentRenderer
    {
        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> RenderHtmlAsync(PrintDocument document) => Task.FromResult(string.Empty);

        public Task<byte[]> RenderPdfAsync(PrintDocument document, CancellationToken cancellationToken = default)
        {
            Called.TrySetResult();
            return printing;
        }
    }
}
