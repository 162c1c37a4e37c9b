using System.Text;

namespace Juso.Domain.Ledger;

/// <summary>Cell text as compared: NFKC (full-width digits and letters folded), trimmed; text that cannot be normalised kept as it is.</summary>
public static class LedgerText
{
    // Not '/', which separates the parts of a date.
    private static readonly char[] ListSeparators = ['、', ',', '，', '､', ';', '；', '\n'];

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        try
        {
            return text.Normalize(NormalizationForm.FormKC).Trim();
        }
        catch (ArgumentException)
        {
            // A lone surrogate (an emoji cut in half) cannot be normalised; the checks then refuse the text.
            return text.Trim();
        }
    }

    /// <summary>A name as matched against the master data: normalised, without any space.</summary>
    public static string Key(string? text) => string.Concat(Normalize(text).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The items of a cell holding several (「、」 or commas).</summary>
    public static IReadOnlyList<string> Items(string? text) =>
        (text ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
