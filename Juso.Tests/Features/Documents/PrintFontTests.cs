using System.Diagnostics;
using Juso.Portal.Features.Documents;
using Microsoft.Extensions.Logging.Abstractions;

namespace Juso.Tests.Features.Documents;

/// <summary>The print font derived from the installed IPAexGothic: kanji keep their glyphs, radicals that alias them are gone.</summary>
public sealed class PrintFontTests
{
    [Fact]
    public void DerivedFont_MapsKanjiButNotTheRadicalsSharingTheirGlyphs_WithEveryGlyphKept()
    {
        var source = File.ReadAllBytes(IpaexGothicFile());
        var original = PrintFontDerivation.ReadCmap(source);
        Assert.Equal(original[0x652F], original[0x2F40]);

        var derived = PrintFontDerivation.Derive(source, PrintFont.Family);

        var cmap = PrintFontDerivation.ReadCmap(derived);
        Assert.Equal(original[0x652F], cmap[0x652F]);
        Assert.False(cmap.ContainsKey(0x2F40), "⽀ U+2F40 is still mapped");
        Assert.False(cmap.ContainsKey(0x301C), "〜 U+301C still takes the glyph of ～ U+FF5E");
        Assert.Equal(original[0xFF5E], cmap[0xFF5E]);
        Assert.Empty(PrintFontDerivation.Aliases(cmap));
        Assert.Equal(original.Count - PrintFontDerivation.Aliases(original).Count, cmap.Count);
        Assert.All(cmap, e => Assert.Equal(original[e.Key], e.Value));
        Assert.Equal(PrintFontDerivation.GlyphCount(source), PrintFontDerivation.GlyphCount(derived));
        // head.checkSumAdjustment makes the whole file sum to the constant the OpenType spec gives.
        Assert.Equal(0xB1B0AFBAu, PrintFontDerivation.Checksum(derived));
    }

    [Fact]
    public void DerivedFont_IsReadByFontconfig_UnderItsOwnFamily_WithKanjiAndWithoutRadicals()
    {
        var folder = Directory.CreateTempSubdirectory("juso-print-font-test").FullName;
        try
        {
            var font = new PrintFont(new DocumentOptions { FontDirectory = folder }, NullLogger<PrintFont>.Instance);
            Assert.NotNull(font.FontConfigFile);

            var scan = Run("fc-scan", "--format=%{family}|%{charset}", Path.Combine(folder, "juso-print-gothic.ttf"));
            var (family, charset) = (scan.Split('|')[0], scan.Split('|')[1]);
            Assert.Equal(PrintFont.Family, family);
            Assert.True(InCharset(charset, 0x652F), "支 U+652F is not in the font");
            Assert.False(InCharset(charset, 0x2F40), "⽀ U+2F40 is in the font");

            // Chromium finds the family through the fontconfig file it is launched with.
            var match = Run("env", $"FONTCONFIG_FILE={font.FontConfigFile}", "fc-match", "--format=%{family}", PrintFont.Family);
            Assert.Equal(PrintFont.Family, match);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Derive_NotASingleFont_IsRefused()
    {
        Assert.Throws<InvalidDataException>(() => PrintFontDerivation.Derive("ttcf\0\u0001\0\0"u8.ToArray(), PrintFont.Family));
    }

    internal static string IpaexGothicFile() => Run("fc-list", "IPAexGothic:fontformat=TrueType", "--format=%{file}\\n").Split('\n')[0];

    // fontconfig's charset: hex code points and ranges ("652f 2e80-2e99").
    private static bool InCharset(string charset, int codePoint) => charset.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(range =>
    {
        var ends = range.Split('-').Select(e => Convert.ToInt32(e, 16)).ToArray();
        return codePoint >= ends[0] && codePoint <= ends[^1];
    });

    private static string Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim();
    }
}
