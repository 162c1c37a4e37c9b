using System.Text;
using Juso.Domain.Common;

namespace Juso.Domain.Cases;

/// <summary>
/// The 相談分類 master data as a whole (every <see cref="ConcernCategoryEntry"/>), answering for a 年度: which categories
/// can be chosen, what a stored code is called, and which category a code or name typed elsewhere (a form, an imported
/// ledger) means. The one place that resolves categories, so intake, case pages, the report and the import agree.
/// </summary>
public sealed class ConcernCategoryCatalog(IEnumerable<ConcernCategoryEntry> entries)
{
    private readonly IReadOnlyList<ConcernCategoryEntry> _entries = entries.ToList();

    public IReadOnlyList<ConcernCategoryEntry> Entries => _entries;

    /// <summary>The categories valid in <paramref name="year"/>, in the master's order: what intake offers.</summary>
    public IReadOnlyList<ConcernCategoryEntry> ListFor(FiscalYear year) => ConcernCategoryEntry.ListFor(year, _entries);

    /// <summary>Each category once (its latest name), in the master's order: for a search over every year.</summary>
    public IReadOnlyList<ConcernCategoryEntry> Latest() => _entries
        .GroupBy(e => e.Code)
        .Select(g => g.MaxBy(e => e.FromYear)!)
        .OrderBy(e => e.Order).ThenBy(e => e.Code, StringComparer.Ordinal)
        .ToList();

    /// <summary>Whether <paramref name="code"/> can be chosen for a case of <paramref name="year"/>.</summary>
    public bool IsValid(string code, FiscalYear year) => _entries.Any(e => e.Code == code && e.IsValidIn(year));

    /// <summary>
    /// The category valid in <paramref name="year"/> whose code or name is <paramref name="codeOrName"/> (ignoring
    /// surrounding spaces and full-/half-width differences), or null. Case stores <see cref="ConcernCategoryEntry.Code"/>.
    /// </summary>
    public ConcernCategoryEntry? Find(string? codeOrName, FiscalYear year)
    {
        var key = Normalize(codeOrName);
        if (key.Length == 0)
        {
            return null;
        }
        var valid = ListFor(year);
        return valid.FirstOrDefault(e => e.Code == key) ?? valid.FirstOrDefault(e => Normalize(e.Name) == key);
    }

    /// <summary>
    /// What <paramref name="code"/> was called in <paramref name="year"/>: a case keeps the name of its own 年度, even
    /// after a rename or retirement. Falls back to the latest name, then to the code itself.
    /// </summary>
    public string NameOf(string code, FiscalYear year) =>
        _entries.FirstOrDefault(e => e.Code == code && e.IsValidIn(year))?.Name
        ?? _entries.Where(e => e.Code == code).MaxBy(e => e.FromYear)?.Name
        ?? code;

    /// <summary>The names of <paramref name="codes"/> in <paramref name="year"/>, in the master's order.</summary>
    public IReadOnlyList<string> NamesOf(IEnumerable<string> codes, FiscalYear year) => codes
        .Distinct()
        .OrderBy(c => _entries.Where(e => e.Code == c).Select(e => e.Order).DefaultIfEmpty(int.MaxValue).Max())
        .ThenBy(c => c, StringComparer.Ordinal)
        .Select(c => NameOf(c, year))
        .ToList();

    private static string Normalize(string? text)
    {
        try
        {
            return (text ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim();
        }
        catch (ArgumentException)
        {
            // Text with a lone surrogate cannot be normalised and matches nothing.
            return string.Empty;
        }
    }
}
