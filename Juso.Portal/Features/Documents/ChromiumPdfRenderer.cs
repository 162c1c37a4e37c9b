using System.Collections.Concurrent;
using System.Net;
using Microsoft.Playwright;
using Juso.Domain.Common;

namespace Juso.Portal.Features.Documents;

/// <summary>
/// Prints documents with Debian's headless Chromium through Playwright (docs/adr: printable documents). One browser
/// is launched on first use and kept warm; pages are reused (a warm page prints several times faster than a new one);
/// at most <see cref="DocumentOptions.MaxConcurrentRenders"/> renders run at once; a browser that died or
/// disconnected is launched again on the next render, and a render caught by the crash is retried once.
/// </summary>
public sealed class ChromiumPdfRenderer(DocumentHtml html, DocumentOptions options, JapaneseFontProbe probe, PrintFont printFont, ILogger<ChromiumPdfRenderer> logger)
    : IDocumentRenderer, IAsyncDisposable
{
    private readonly SemaphoreSlim _renders = new(Math.Max(1, options.MaxConcurrentRenders));
    private readonly SemaphoreSlim _launch = new(1, 1);
    private readonly ConcurrentBag<IPage> _warmPages = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;
    private bool _disposed;

    /// <summary>How many times a browser was launched (the first launch included); for tests and the benchmark.</summary>
    public int Launches { get; private set; }

    public Task<string> RenderHtmlAsync(PrintDocument document) => html.RenderAsync(document);

    public async Task<byte[]> RenderPdfAsync(PrintDocument document, CancellationToken cancellationToken = default)
    {
        var content = await html.RenderAsync(document);
        await _renders.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var page = await RentPageAsync(cancellationToken);
                try
                {
                    var pdf = await PrintAsync(page, content, document);
                    _warmPages.Add(page);
                    return pdf;
                }
                catch (PlaywrightException ex) when (attempt == 1 && !IsConnected(page))
                {
                    // The browser died under this render: launch it again and print once more.
                    logger.LogWarning(ex, "Chromium disconnected while printing {Title}; launching it again", document.Title);
                }
                catch (DocumentUnavailableException)
                {
                    await CloseQuietlyAsync(page);
                    throw;
                }
                catch (PlaywrightException ex)
                {
                    await CloseQuietlyAsync(page);
                    throw new DocumentUnavailableException("PDFの作成に失敗しました。しばらくしてからもう一度お試しください。続く場合はシステム管理者に連絡してください。", ex);
                }
            }
        }
        finally
        {
            _renders.Release();
        }
    }

    /// <summary>Ends the browser, as a crash would (tests use it to check the restart).</summary>
    internal async Task KillBrowserForTestAsync()
    {
        if (_browser is { } browser)
        {
            await browser.CloseAsync();
        }
    }

    /// <summary>Whether a script in a printed page would run (it must not); for tests.</summary>
    internal async Task<bool> RunsScriptsForTestAsync()
    {
        var page = await RentPageAsync(CancellationToken.None);
        try
        {
            await page.SetContentAsync("<html><head><title>static</title><script>document.title = 'script';</script></head><body></body></html>");
            return await page.TitleAsync() != "static";
        }
        finally
        {
            _warmPages.Add(page);
        }
    }

    private async Task<byte[]> PrintAsync(IPage page, string content, PrintDocument document)
    {
        await page.SetContentAsync(content, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        // Print only once the fonts are there, or the first glyphs could come out in a fallback font.
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        var pdf = await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = HeaderTemplate(document),
            FooterTemplate = FooterTemplate(document),
            Margin = new Margin { Top = "20mm", Bottom = "16mm", Left = "14mm", Right = "14mm" },
            Tagged = true,
        });
        if (pdf.Length < 5 || pdf[0] != (byte)'%' || pdf[1] != (byte)'P')
        {
            throw new DocumentUnavailableException("PDFの作成に失敗しました（Chromium が空のファイルを返しました）。システム管理者に連絡してください。");
        }
        return pdf;
    }

    private async Task<IPage> RentPageAsync(CancellationToken cancellationToken)
    {
        while (_warmPages.TryTake(out var warm))
        {
            if (!warm.IsClosed && IsConnected(warm))
            {
                return warm;
            }
        }
        var context = await ContextAsync(cancellationToken);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)options.RenderTimeout.TotalMilliseconds);
        return page;
    }

    private async Task<IBrowserContext> ContextAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } && _context is { } ready)
        {
            return ready;
        }
        await _launch.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } && _context is { } launched)
            {
                return launched;
            }
            if (probe.Problem() is { } problem)
            {
                throw new DocumentUnavailableException(problem);
            }
            if (_browser is { } dead)
            {
                logger.LogWarning("Chromium is no longer connected; launching it again");
                await CloseQuietlyAsync(dead);
            }
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.ChromiumPath,
                Headless = true,
                // --no-sandbox: the portal may run as root in a container, where Chromium's sandbox cannot start.
                Env = ChromiumEnvironment(),
                Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions"],
            });
            // Documents are self-contained and static: the context is offline, so a stray URL in a document fetches
            // nothing, and runs no script, so markup that slipped into a document cannot act in the browser.
            _context = await _browser.NewContextAsync(new BrowserNewContextOptions { Offline = true, Locale = "ja-JP", TimezoneId = "Asia/Tokyo", JavaScriptEnabled = false });
            Launches++;
            logger.LogInformation("Chromium launched for printing ({Path})", options.ChromiumPath);
            return _context;
        }
        catch (PlaywrightException ex)
        {
            throw new DocumentUnavailableException($"PDFを作成できません。Chromium（{options.ChromiumPath}）を起動できませんでした。システム管理者に連絡してください。", ex);
        }
        finally
        {
            _launch.Release();
        }
    }

    // Playwright passes Env instead of the process's environment, not added to it.
    private Dictionary<string, string>? ChromiumEnvironment()
    {
        if (printFont.FontConfigFile is not { } fontConfig)
        {
            return null;
        }
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? string.Empty);
        environment["FONTCONFIG_FILE"] = fontConfig;
        return environment;
    }

    private bool IsConnected(IPage page) => _browser is { IsConnected: true } browser && page.Context.Browser == browser;

    // The copy mark and the plan's identity are here rather than in the body, so every page carries them.
    private static string HeaderTemplate(PrintDocument document)
    {
        var identity = document.PageIdentity is { } i ? $"　{WebUtility.HtmlEncode(i)}" : string.Empty;
        var marks = Mark(document.CopyMark, "#000") + Mark(document.HandlingMark, "#b00020");
        return $"<div style=\"{TemplateStyle}\"><span>{WebUtility.HtmlEncode(document.Municipality)}　{WebUtility.HtmlEncode(document.Title)}{identity}</span><span>{marks}</span></div>";
    }

    private static string Mark(string? text, string color) => text is null
        ? string.Empty
        : $"<span style=\"color:{color};border:1px solid {color};padding:0 2mm;margin-left:2mm;\">{WebUtility.HtmlEncode(text)}</span>";

    private static string FooterTemplate(PrintDocument document) =>
        $"<div style=\"{TemplateStyle}\"><span>印刷日時 {JapaneseFormat.WarekiDateTime(document.PrintedAt)}</span>"
        + "<span><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></span></div>";

    // Header and footer templates are separate documents: they get no page CSS, and Chromium's default font size is 0.
    private const string TemplateStyle = "width:100%;margin:0 14mm;font-size:8pt;display:flex;justify-content:space-between;align-items:center;"
        + $"font-family:'{PrintFont.Family}','IPAexGothic','Noto Sans CJK JP','Yu Gothic',sans-serif;color:#333;-webkit-print-color-adjust:exact;";

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try
        {
            await page.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone with its browser.
        }
    }

    private static async Task CloseQuietlyAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync();
        try
        {
            _disposed = true;
            if (_browser is { } browser)
            {
                await CloseQuietlyAsync(browser);
            }
            _playwright?.Dispose();
        }
        finally
        {
            _launch.Release();
        }
    }
}
