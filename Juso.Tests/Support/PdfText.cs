using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Juso.Tests.Support;

/// <summary>
/// Reads a printed PDF back: pages, their text, and their lines as a reader sees them (bench/Juso.Bench.Documents
/// links this file). Chromium marks a glyph the font shares between two characters (支 and ⽀ in IPAexGothic) with
/// an /ActualText span naming the character that was written; conforming readers (Acrobat, poppler) copy that, and
/// so does this reader. <see cref="RawText"/> reads as a reader that ignores ActualText does.
/// </summary>
public static class PdfText
{
    /// <summary>Characters a Japanese line may not start with (行頭禁則) and may not end with (行末禁則).</summary>
    public const string NotAtLineStart = "、。，．」）)』】〕";
    public const string NotAtLineEnd = "「（(『【〔";

    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Concat(TextLetters(p).Select(l => l.Text))).ToList();
    }

    /// <summary>All pages' text as PdfPig's Page.Text gives it: the ToUnicode mapping alone, no ActualText.</summary>
    public static string RawText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text));
    }

    /// <summary>The page's letters with the text they stand for: the ActualText of their marked-content span where there is one.</summary>
    public static IReadOnlyList<(Letter Letter, string Text)> TextLetters(Page page)
    {
        var actual = new Dictionary<(double, double), string>();
        void Visit(MarkedContentElement element)
        {
            if (element.ActualText is { } text)
            {
                for (var i = 0; i < element.Letters.Count; i++)
                {
                    actual[Key(element.Letters[i])] = i == 0 ? text : string.Empty;
                }
                return;
            }
            foreach (var child in element.Children)
            {
                Visit(child);
            }
        }
        foreach (var element in page.GetMarkedContents())
        {
            Visit(element);
        }
        return page.Letters.Select(l => (l, actual.TryGetValue(Key(l), out var text) ? text : l.Value)).ToList();
    }

    private static (double, double) Key(Letter letter) => (Math.Round(letter.StartBaseLine.X, 2), Math.Round(letter.StartBaseLine.Y, 2));

    /// <summary>
    /// Every page as lines: letters grouped by baseline, ordered left to right, and split where a gap wider than
    /// a character separates them (two table cells on one baseline are two lines).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Lines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(LinesOf).ToList();
    }

    public static IReadOnlyList<string> LinesOf(Page page)
    {
        var lines = new List<string>();
        foreach (var row in TextLetters(page).Where(l => !string.IsNullOrWhiteSpace(l.Text)).GroupBy(l => Math.Round(l.Letter.StartBaseLine.Y)).OrderByDescending(g => g.Key))
        {
            var line = new System.Text.StringBuilder();
            Letter? previous = null;
            foreach (var (letter, text) in row.OrderBy(l => l.Letter.StartBaseLine.X))
            {
                if (previous is not null && letter.StartBaseLine.X - previous.EndBaseLine.X > Math.Max(previous.PointSize, 4))
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                line.Append(text);
                previous = letter;
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>Text without any space (ideographic spaces and line ends included): what a reader reads, however the cells are laid out.</summary>
    public static string Compact(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>Code points a broken text layer maps kanji to: Kangxi radicals and the CJK radicals supplement (支 → ⽀).</summary>
    public static bool HasRadicals(string text) => text.Any(c => c is >= '\u2E80' and <= '\u2FDF');
}
