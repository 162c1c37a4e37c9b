using Juso.Portal.Features.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Juso.Tests.Features.Documents;

/// <summary>The real renderer (HtmlRenderer + Debian's chromium), shared by the document tests: one warm browser.</summary>
public sealed class RendererFixture : IAsyncLifetime
{
    private ServiceProvider _services = default!;

    public string ChromiumPath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public ChromiumPdfRenderer Renderer { get; private set; } = default!;

    public Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddPrintRenderer(new DocumentOptions { ChromiumPath = ChromiumPath, MaxConcurrentRenders = 4 });
        _services = services.BuildServiceProvider();
        Renderer = _services.GetRequiredService<ChromiumPdfRenderer>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DocumentCollection : ICollectionFixture<RendererFixture>
{
    public const string Name = "Documents";
}
