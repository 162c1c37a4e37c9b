using Juso.Domain.Cases;
using Juso.Domain.Common;

namespace Juso.Domain.Ledger;

/// <summary>
/// What the user chose for a value of a ledger the master data does not know: an existing entry (<see cref="Target"/>:
/// an agency's id or a category's code), or a new entry named as the value (<see cref="Create"/>).
/// </summary>
public sealed record LedgerValueChoice(LedgerValueKind Kind, string Value, string? Target, bool Create)
{
    public static LedgerValueChoice MapTo(LedgerValueKind kind, string value, string target) => new(kind, value, target, false);

    public static LedgerValueChoice New(LedgerValueKind kind, string value) => new(kind, value, null, true);

    public string Key => LedgerText.Key(Value);
}

/// <summary>A value of a ledger that no master entry has by name or remembered mapping, with the columns and rows it is in.</summary>
public sealed record LedgerUnknown(LedgerValueKind Kind, string Value, string Columns, IReadOnlyList<int> Rows)
{
    public string Key => LedgerText.Key(Value);

    public string KindLabel => Kind == LedgerValueKind.Agency ? "機関" : "相談分類";
}

/// <summary>
/// The master data a ledger is matched against, extended by mapped values (remembered, or chosen on the import page), and
/// the values of the agency and category columns it still does not know.
/// </summary>
public static class LedgerValueMatching
{
    /// <summary>Every agency and category by name, then each mapped value; a name in the master data wins over a mapping.</summary>
    public static LedgerMasters Masters(IEnumerable<ConcernCategoryEntry> categories, IEnumerable<(int Id, string Name)> agencies,
        IEnumerable<(LedgerValueKind Kind, string Value, string Target)> mapped)
    {
        var agencyIds = agencies.GroupBy(a => LedgerText.Key(a.Name)).ToDictionary(g => g.Key, g => g.First().Id);
        var aliases = new List<KeyValuePair<string, string>>();
        foreach (var (kind, value, target) in mapped)
        {
            if (kind == LedgerValueKind.Agency && int.TryParse(target, out var id))
            {
                agencyIds.TryAdd(LedgerText.Key(value), id);
            }
            else if (kind == LedgerValueKind.Category)
            {
                aliases.Add(new(LedgerText.Key(value), target));
            }
        }
        return new LedgerMasters(new LedgerCategories(categories, aliases), agencyIds);
    }

    /// <summary>The distinct values of the agency columns (紹介元機関, 主担当機関) and of the 相談分類 column that <paramref name="masters"/> does not know.</summary>
    public static IReadOnlyList<LedgerUnknown> Unknowns(IReadOnlyList<string> headings, IReadOnlyList<ColumnTarget> targets,
        IEnumerable<(int Row, IReadOnlyList<string?> Cells)> rows, LedgerMasters masters)
    {
        var columns = targets
            .Select((t, i) => (Index: i, Kind: t.Field switch
            {
                LedgerField.ReferringAgency or LedgerField.LeadAgency => LedgerValueKind.Agency,
                LedgerField.Categories => LedgerValueKind.Category,
                _ => (LedgerValueKind?)null,
            }))
            .Where(c => c.Kind is not null)
            .Select(c => (c.Index, Kind: c.Kind!.Value))
            .ToList();
        var found = new Dictionary<(LedgerValueKind, string), (string Value, SortedSet<string> Columns, SortedSet<int> Rows)>();
        foreach (var (row, cells) in rows)
        {
            foreach (var (index, kind) in columns)
            {
                var text = index < cells.Count ? (cells[index] ?? string.Empty).Trim() : string.Empty;
                if (text.Length == 0 || LedgerValues.ExcelError(text) is not null)
                {
                    continue;
                }
                IReadOnlyList<string> values = kind == LedgerValueKind.Agency ? [text] : LedgerText.Items(text);
                foreach (var value in values)
                {
                    var known = kind == LedgerValueKind.Agency
                        ? masters.AgencyIdsByKey.ContainsKey(LedgerText.Key(value))
                        : masters.Categories.CodeOf(value) is not null;
                    var key = (kind, LedgerText.Key(value));
                    if (known || key.Item2.Length == 0)
                    {
                        continue;
                    }
                    if (!found.TryGetValue(key, out var entry))
                    {
                        entry = (value, new SortedSet<string>(StringComparer.Ordinal), []);
                        found[key] = entry;
                    }
                    entry.Columns.Add(index < headings.Count ? headings[index] : $"{index + 1}列目");
                    entry.Rows.Add(row);
                }
            }
        }
        return found
            .Select(f => new LedgerUnknown(f.Key.Item1, f.Value.Value, string.Join("・", f.Value.Columns), f.Value.Rows.ToList()))
            .OrderBy(u => u.Kind).ThenBy(u => u.Rows[0])
            .ToList();
    }

    /// <summary>The 年度 of the earliest readable 受付日: a category created for a ledger is valid from there on.</summary>
    public static FiscalYear? EarliestYear(IReadOnlyList<ColumnTarget> targets, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var column = targets.ToList().FindIndex(t => t.Field == LedgerField.IntakeDate);
        if (column < 0)
        {
            return null;
        }
        DateOnly? earliest = null;
        foreach (var cells in rows)
        {
            if (column < cells.Count && LedgerValues.TryDate((cells[column] ?? string.Empty).Trim(), out var date, out _) && (earliest is null || date < earliest))
            {
                earliest = date;
            }
        }
        return earliest is { } day ? FiscalYear.Of(day) : null;
    }

    /// <summary>A code for a category created from a ledger: codes are never reused, so the first free 「ledger-N」.</summary>
    public static string NewCategoryCode(IEnumerable<string> taken)
    {
        var codes = taken.ToHashSet(StringComparer.Ordinal);
        var n = 1;
        while (codes.Contains($"ledger-{n}"))
        {
            n++;
        }
        return $"ledger-{n}";
    }
}
