using Microsoft.Playwright;

namespace Juso.Tests.Support;

/// <summary>
/// A test that drives pages of the shared portal. The pages it opened are closed when it ends, so the live
/// circuits of earlier tests (timers, revalidation, board subscriptions) do not load the server under later ones.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    protected BrowserFixture Fixture { get; } = fixture;

    protected Task<IPage> NewPageAsync(int width = 1366, int height = 900) => Fixture.NewPageAsync(width, height);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Fixture.ClosePagesAsync();
}
