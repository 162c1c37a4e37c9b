namespace Juso.Portal.Features.Documents;

/// <summary>Configuration section "Documents": where Chromium is, how many renders run at once, whose forms these are.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Debian's chromium by default; no browser is ever downloaded.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Renders printing at the same time (one warm page each); more wait their turn.</summary>
    public int MaxConcurrentRenders { get; set; } = 4;

    /// <summary>How long one render may take before it is abandoned.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the derived print font and its fontconfig file are written (once per process; shared by processes of the same user).</summary>
    public string FontDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "juso-print-fonts");

    /// <summary>Launch Chromium and print once in the background after start, so the first print is as fast as any (DocumentWarmUp).</summary>
    public bool WarmUpAtStart { get; set; } = true;

    /// <summary>The municipality printed in every form's header.</summary>
    public string Municipality { get; set; } = "ひばり野市";
}
