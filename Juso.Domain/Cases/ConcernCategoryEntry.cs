using Juso.Domain.Common;

namespace Juso.Domain.Cases;

/// <summary>
/// 相談分類 master data: a category's name valid from one 年度 to another. A category keeps its code for life; a rename
/// ends the current entry and starts a new one with the same code, so that each 年度 reports under the list it had.
/// The code of a built-in category is the name of its <see cref="ConcernCategory"/> member (what cases store).
/// </summary>
public class ConcernCategoryEntry : AggregateRoot
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 30;

    protected ConcernCategoryEntry()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The first 年度 (its start year) the entry is valid in.</summary>
    public int FromYear { get; private set; }

    /// <summary>The last 年度 the entry is valid in; null while current.</summary>
    public int? UntilYear { get; private set; }

    /// <summary>Position in the report's list.</summary>
    public int Order { get; private set; }

    public bool IsValidIn(FiscalYear year) => FromYear <= year.StartYear && (UntilYear is null || UntilYear >= year.StartYear);

    public static ConcernCategoryEntry Add(string? code, string? name, FiscalYear from, int order, IReadOnlyCollection<ConcernCategoryEntry> existing, DateTimeOffset now)
    {
        var check = new RuleCheck()
            .RequireText(code, nameof(Code), "分類コード", CodeMaxLength)
            .RequireText(name, nameof(Name), "分類名", NameMaxLength)
            .Require(code is null || !existing.Any(e => e.Code == code.Trim() && (e.UntilYear is null || e.UntilYear >= from.StartYear)),
                nameof(Code), "この分類コードはその年度に既に使われています。")
            .Require(name is null || !existing.Any(e => e.Name == name.Trim() && (e.UntilYear is null || e.UntilYear >= from.StartYear)),
                nameof(Name), "同じ名前の分類がその年度に既にあります。");
        return Create(check, code, name, from, order, now);
    }

    /// <summary>Renames the category from <paramref name="from"/> on: this entry ends the 年度 before; the new name is a new entry.</summary>
    public ConcernCategoryEntry RenameFrom(FiscalYear from, string? name, IReadOnlyCollection<ConcernCategoryEntry> existing, DateTimeOffset now)
    {
        var check = new RuleCheck()
            .RequireText(name, nameof(Name), "分類名", NameMaxLength)
            .Require(name is null || !existing.Any(e => e != this && e.Name == name.Trim() && (e.UntilYear is null || e.UntilYear >= from.StartYear)),
                nameof(Name), "同じ名前の分類がその年度に既にあります。");
        check.ThrowIfAny();
        RetireFrom(from, now);
        return Create(check, Code, name, from, Order, now);
    }

    private static ConcernCategoryEntry Create(RuleCheck check, string? code, string? name, FiscalYear from, int order, DateTimeOffset now)
    {
        check.ThrowIfAny();
        var entry = new ConcernCategoryEntry { Code = code!.Trim(), Name = name!.Trim(), FromYear = from.StartYear, Order = order };
        entry.MarkCreated(now);
        return entry;
    }

    /// <summary>Retires the category from <paramref name="from"/> on: old 年度 keep it, later ones do not list it.</summary>
    public void RetireFrom(FiscalYear from, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(UntilYear is null, nameof(UntilYear), "この分類は既に廃止されています。")
            .Require(from.StartYear > FromYear, nameof(UntilYear), "使用開始の年度より後の年度を指定してください。")
            .ThrowIfAny();
        UntilYear = from.StartYear - 1;
        Touch(now);
    }

    /// <summary>The list valid in <paramref name="year"/>, in report order.</summary>
    public static IReadOnlyList<ConcernCategoryEntry> ListFor(FiscalYear year, IEnumerable<ConcernCategoryEntry> entries) =>
        entries.Where(e => e.IsValidIn(year)).OrderBy(e => e.Order).ThenBy(e => e.Code, StringComparer.Ordinal).ToList();

    /// <summary>The built-in list, valid from the earliest intake year on: what the first migration writes.</summary>
    public static IEnumerable<(string Code, string Name, int Order)> BuiltIn() =>
        Enum.GetValues<ConcernCategory>().Select((c, i) => (c.ToString(), c.Label(), i + 1));
}
