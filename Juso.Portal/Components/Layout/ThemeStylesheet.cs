using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Juso.Portal.Components.Layout;

/// <summary>
/// MudBlazor's theme (<see cref="JusoTheme"/>) as one stylesheet that every page links, instead of a
/// <c>MudThemeProvider</c> in each layout: the provider kept about 40 KB of the same CSS text in every circuit's render
/// tree and watched the browser's dark mode per circuit. The CSS is what that provider renders, rendered once at start,
/// so the look is the same (docs/adr/0027-board-cost-per-viewer.md).
/// </summary>
public sealed partial class ThemeStylesheet
{
    public const string Path = "/theme.css";

    /// <summary>The stylesheet: the contents of the provider's style elements, in their order.</summary>
    public string Css { get; private set; } = string.Empty;

    /// <summary>The address with the content's hash, so a browser may cache it and still gets a changed theme at once.</summary>
    public string Href { get; private set; } = Path;

    public async Task RenderAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = JusoTheme.Theme,
            }));
            return output.ToHtmlString();
        });
        // The provider renders <style> elements; their contents, in order, are the stylesheet.
        Css = string.Join("\n", StyleElement().Matches(html).Select(m => m.Groups[1].Value.Trim()));
        Href = $"{Path}?v={Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))[..12]}";
    }

    public IResult Serve(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Text(Css, "text/css", Encoding.UTF8);
    }

    [GeneratedRegex(@"<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
