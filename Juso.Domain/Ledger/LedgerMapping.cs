using System.Text;

namespace Juso.Domain.Ledger;

/// <summary>What one column of a ledger fills: a field, one 相談分類 marked ○ per row (a category column), or nothing.</summary>
public readonly record struct ColumnTarget(LedgerField? Field, string? CategoryCode)
{
    private const string CategoryPrefix = "category:";
    private const string IgnoreKey = "ignore";

    public static readonly ColumnTarget Ignore = new(null, null);

    public static ColumnTarget Of(LedgerField field) => new(field, null);

    public static ColumnTarget Category(string code) => new(null, code);

    public bool IsIgnored => Field is null && CategoryCode is null;

    /// <summary>How the target is remembered per heading (<see cref="LedgerColumnMapping"/>).</summary>
    public string Key => Field is { } chosen ? chosen.ToString() : CategoryCode is { } code ? CategoryPrefix + code : IgnoreKey;

    public static ColumnTarget Parse(string? key) =>
        key is null ? Ignore
        : key.StartsWith(CategoryPrefix, StringComparison.Ordinal) ? Category(key[CategoryPrefix.Length..])
        : Enum.TryParse<LedgerField>(key, out var field) && Enum.IsDefined(field) ? Of(field)
        : Ignore;
}

/// <summary>A problem of an imported ledger: the row (as numbered in the spreadsheet; 0 for the file or its headings), the column and what is wrong.</summary>
public sealed record LedgerProblem(int Row, string Column, string Message);

/// <summary>
/// Proposes what each column of a ledger fills, from the mapping remembered for its heading or else its name (the
/// template's heading or a usual variant, or the name of a 相談分類 for a column of ○ marks), and checks a mapping.
/// </summary>
public static class LedgerMapping
{
    /// <summary>A heading as compared and remembered: NFKC, no spaces, no required mark (*, ※), lower case.</summary>
    public static string NormalizeHeading(string? heading)
    {
        var text = LedgerText.Normalize(heading);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not ('*' or '※'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    public static IReadOnlyList<ColumnTarget> Propose(IReadOnlyList<string> headings, IReadOnlyDictionary<string, string> remembered, LedgerCategories categories)
    {
        var byName = new Dictionary<string, LedgerField>();
        foreach (var definition in LedgerFields.All)
        {
            foreach (var name in definition.Variants.Prepend(definition.Heading))
            {
                byName.TryAdd(NormalizeHeading(name), definition.Field);
            }
        }
        var taken = new HashSet<LedgerField>();
        var targets = new List<ColumnTarget>(headings.Count);
        foreach (var heading in headings)
        {
            var key = NormalizeHeading(heading);
            var target = remembered.TryGetValue(key, out var known) ? ColumnTarget.Parse(known)
                : byName.TryGetValue(key, out var field) ? ColumnTarget.Of(field)
                : categories.CodeOf(heading) is { } code ? ColumnTarget.Category(code)
                : ColumnTarget.Ignore;
            // A field takes the first column that names it; a second is left for the user to decide.
            if (target.Field is { } f && !taken.Add(f))
            {
                target = ColumnTarget.Ignore;
            }
            targets.Add(target);
        }
        return targets;
    }

    /// <summary>Every required field has a column, and no field has two.</summary>
    public static IReadOnlyList<LedgerProblem> Check(IReadOnlyList<string> headings, IReadOnlyList<ColumnTarget> targets)
    {
        var problems = new List<LedgerProblem>();
        foreach (var definition in LedgerFields.All.Where(d => d.Required))
        {
            var mapped = targets.Any(t => t.Field == definition.Field)
                || (definition.Field == LedgerField.Categories && targets.Any(t => t.CategoryCode is not null));
            if (!mapped)
            {
                problems.Add(new LedgerProblem(0, definition.Heading,
                    $"必須の項目「{definition.Heading}」に対応する列がありません。列の対応づけで選んでください。"));
            }
        }
        foreach (var twice in targets.Select((t, i) => (t, i)).Where(x => x.t.Field is not null).GroupBy(x => x.t.Field).Where(g => g.Count() > 1))
        {
            problems.Add(new LedgerProblem(0, string.Join("・", twice.Select(x => headings[x.i])),
                $"項目「{LedgerFields.Of(twice.Key!.Value).Heading}」に2つ以上の列が対応づけられています。1つにしてください。"));
        }
        foreach (var twice in targets.Select((t, i) => (t, i)).Where(x => x.t.CategoryCode is not null).GroupBy(x => x.t.CategoryCode).Where(g => g.Count() > 1))
        {
            problems.Add(new LedgerProblem(0, string.Join("・", twice.Select(x => headings[x.i])),
                "同じ相談分類に2つ以上の列が対応づけられています。1つにしてください。"));
        }
        return problems;
    }
}
