using Juso.Tests.Support;

namespace Juso.Tests.Components;

/// <summary>ADR 0027: the theme every interactive page links is what MudThemeProvider rendered in each layout before.</summary>
public sealed class ThemeStylesheetTests
{
    [Fact]
    public async Task ThemeStylesheet_GivesThePalettesColoursAndTheJapaneseFonts()
    {
        using var server = new PortalServer();
        using var client = server.CreateClient();

        var response = await client.GetAsync("/theme.css");
        var css = await response.Content.ReadAsStringAsync();

        // The portal's primary colour #1F4E79 (the app bar, buttons) and its Japanese font stack, as CSS, not HTML.
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("--mud-palette-primary: rgba(31,78,121,1);", css);
        Assert.Contains("'Noto Sans CJK JP', 'Noto Sans JP'", css);
        Assert.DoesNotContain("<style", css);
    }
}
