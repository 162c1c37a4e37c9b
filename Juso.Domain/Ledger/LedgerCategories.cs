using Juso.Domain.Cases;

namespace Juso.Domain.Ledger;

/// <summary>
/// The one place the import turns a ledger's 相談分類 into what Juso stores: a name (any name the category has had, in
/// any 年度) or code of the ConcernCategories master, to the master's code, which is what a case keeps.
/// </summary>
public sealed class LedgerCategories
{
    private readonly Dictionary<string, string> _codes = new();

    /// <param name="aliases">Other names mapped to a code by the user (normalised name → code); a master name wins.</param>
    public LedgerCategories(IEnumerable<ConcernCategoryEntry> entries, IEnumerable<KeyValuePair<string, string>>? aliases = null)
    {
        var list = entries.ToList();
        // Current names first, so that a name reused after a rename means the current category.
        foreach (var entry in list.OrderBy(e => e.UntilYear is null ? 0 : 1).ThenByDescending(e => e.FromYear))
        {
            _codes.TryAdd(LedgerText.Key(entry.Name), entry.Code);
        }
        foreach (var entry in list)
        {
            _codes.TryAdd(LedgerText.Key(entry.Code), entry.Code);
        }
        foreach (var (name, code) in aliases ?? [])
        {
            _codes.TryAdd(name, code);
        }
        Names = list.Where(e => e.UntilYear is null).OrderBy(e => e.Order).Select(e => e.Name).Distinct().ToList();
    }

    /// <summary>The current names, to tell the user what a ledger may say.</summary>
    public IReadOnlyList<string> Names { get; }

    public string? CodeOf(string? name) => _codes.GetValueOrDefault(LedgerText.Key(name));
}
