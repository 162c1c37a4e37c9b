/// <summary>The one thing that changes: a text every open page shows, and who follows it.</summary>
public sealed class Broadcaster
{
    private event Action<string>? Changed;

    public string Text { get; private set; } = "（未更新）";

    public IDisposable Subscribe(Action<string> onChange)
    {
        Changed += onChange;
        return new Unsubscribe(() => Changed -= onChange);
    }

    /// <summary>Sets the text, tells every page and returns the time it did so (Unix ms), the start of each page's latency.</summary>
    public long Publish(string text)
    {
        Text = text;
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Changed?.Invoke(text);
        return at;
    }

    private sealed class Unsubscribe(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
