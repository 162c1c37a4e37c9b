using Microsoft.Playwright;

/// <summary>One open board that the bench watches for the text of an edit.</summary>
internal interface IBoardViewer
{
    /// <summary>Starts watching for <paramref name="text"/> (before the edit is saved).</summary>
    Task WatchAsync(string text);

    /// <summary>The wall clock (Unix ms) when the board showed the watched text, or null if it did not within <paramref name="timeout"/>.</summary>
    Task<double?> SeenAsync(TimeSpan timeout);

    ValueTask CloseAsync();
}

/// <summary>A board page in Chromium: the DOM shows the text.</summary>
internal sealed class PageViewer(IPage page) : IBoardViewer
{
    // Resolves at once if the text is already shown; otherwise a MutationObserver resolves with Date.now() when it appears.
    private const string WatchScript = """
        text => {
            window.__seen = new Promise(resolve => {
                const shows = () => [...document.querySelectorAll('[data-testid=assignment-task]')].some(e => e.textContent.includes(text));
                if (shows()) { resolve(Date.now()); return; }
                const observer = new MutationObserver(() => {
                    if (shows()) { observer.disconnect(); resolve(Date.now()); }
                });
                observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            });
        }
        """;

    public IPage Page => page;

    public Task WatchAsync(string text) => page.EvaluateAsync(WatchScript, text);

    public async Task<double?> SeenAsync(TimeSpan timeout)
    {
        try
        {
            return await page.EvaluateAsync<double?>("() => window.__seen").WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public ValueTask CloseAsync() => new(page.CloseAsync());
}
