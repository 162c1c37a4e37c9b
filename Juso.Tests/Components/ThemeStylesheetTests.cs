using Juso.Portal.Components.Layout;
using Juso.Tests.Support;

namespace Juso.Tests.Components;

/// <summary>ADR 0027: the theme every interactive page links is what MudThemeProvider rendered in each layout before.</summary>
public sealed class ThemeStylesheetTests
{
    [Fact]
    public async Task Render_TheJusoTheme_GivesThePalettesColoursAndTheJapaneseFonts()
    {
        await using var harness = await PortalHarness.CreateAsync();
        var theme = new ThemeStylesheet();

        await theme.RenderAsync(harness.Services);

        // The portal's primary colour #1F4E79 (the app bar, buttons) and its Japanese font stack, as CSS, not HTML.
        Assert.Contains("--mud-palette-primary: rgba(31,78,121,1);", theme.Css);
        Assert.Contains("'Noto Sans CJK JP', 'Noto Sans JP'", theme.Css);
        Assert.DoesNotContain("<style", theme.Css);
        Assert.Matches(@"^/theme\.css\?v=[0-9a-f]{12}$", theme.Href);
    }
}
