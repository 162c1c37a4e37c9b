using Juso.Domain.Common;

namespace Juso.Domain.Cases;

/// <summary>
/// 相談分類 master data: a category's name valid from one 年度 to another. A category keeps its code for life; a rename
/// ends the current entry and starts a new one with the same code, so that each 年度 reports under the list it had.
/// Cases store the code (<see cref="CaseConcern.Category"/>); <see cref="ConcernCategoryCatalog"/> resolves it for a 年度.
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

    /// <summary>
    /// A new category from <paramref name="from"/> on. Its code is never reused, not even after a retirement: the report
    /// and the cases would otherwise mix two categories under one code.
    /// </summary>
    public static ConcernCategoryEntry Add(string? code, string? name, FiscalYear from, int order, IReadOnlyCollection<ConcernCategoryEntry> existing, DateTimeOffset now)
    {
        var check = new RuleCheck()
            .RequireText(code, nameof(Code), "分類コード", CodeMaxLength)
            .Require(string.IsNullOrWhiteSpace(code) || code.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'),
                nameof(Code), "分類コードは半角英数字（- と _ も使えます）で入力してください。")
            .RequireText(name, nameof(Name), "分類名", NameMaxLength)
            .Require(from.StartYear >= SupportCase.EarliestIntakeDate.Year - 1, nameof(FromYear), "使用開始の年度が正しくありません。")
            .Require(code is null || !existing.Any(e => e.Code == code.Trim()),
                nameof(Code), "この分類コードは既に使われています（廃止した分類のコードも使えません）。")
            .Require(name is null || !existing.Any(e => e.Name == name.Trim() && (e.UntilYear is null || e.UntilYear >= from.StartYear)),
                nameof(Name), "同じ名前の分類がその年度に既にあります。");
        return Create(check, code, name, from, order, now);
    }

    /// <summary>
    /// Renames the category from <paramref name="from"/> on: this entry ends the 年度 before and the new name is a new entry,
    /// which is returned. In the 年度 the entry starts, no earlier year has its name to keep: the name is corrected in place
    /// (a typo in a category added this year) and this entry is returned.
    /// </summary>
    public ConcernCategoryEntry RenameFrom(FiscalYear from, string? name, IReadOnlyCollection<ConcernCategoryEntry> existing, DateTimeOffset now)
    {
        var check = new RuleCheck()
            .RequireText(name, nameof(Name), "分類名", NameMaxLength)
            .Require(name is null || name.Trim() != Name, nameof(Name), "分類名が変わっていません。")
            .Require(name is null || !existing.Any(e => e != this && e.Name == name.Trim() && (e.UntilYear is null || e.UntilYear >= from.StartYear)),
                nameof(Name), "同じ名前の分類がその年度に既にあります。");
        check.ThrowIfAny();
        if (from.StartYear == FromYear)
        {
            Name = name!.Trim();
            Touch(now);
            return this;
        }
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

    /// <summary>
    /// Moves the category <paramref name="code"/> one place up (-1) or down (+1) in the list of <paramref name="year"/>:
    /// it swaps places with its neighbour there, in every 年度 (the order is the category's, not the year's).
    /// </summary>
    public static void Move(string code, FiscalYear year, int step, IReadOnlyCollection<ConcernCategoryEntry> entries, DateTimeOffset now)
    {
        var list = ListFor(year, entries);
        var index = list.ToList().FindIndex(e => e.Code == code);
        if (index < 0)
        {
            throw new DomainException("この分類はその年度の一覧にありません。", nameof(Order));
        }
        var target = index + Math.Sign(step);
        if (step == 0 || target < 0 || target >= list.Count)
        {
            throw new DomainException(step < 0 ? "先頭の分類はこれ以上上へ移動できません。" : "末尾の分類はこれ以上下へ移動できません。", nameof(Order));
        }
        var (moving, other) = (list[index], list[target]);
        var (movingOrder, otherOrder) = (moving.Order, other.Order);
        if (movingOrder == otherOrder)
        {
            // Equal orders sort by code: give the pair distinct places first.
            otherOrder += step > 0 ? 1 : -1;
        }
        foreach (var entry in entries.Where(e => e.Code == moving.Code))
        {
            entry.Reorder(otherOrder, now);
        }
        foreach (var entry in entries.Where(e => e.Code == other.Code))
        {
            entry.Reorder(movingOrder, now);
        }
    }

    private void Reorder(int order, DateTimeOffset now)
    {
        if (Order != order)
        {
            Order = order;
            Touch(now);
        }
    }

    /// <summary>The list valid in <paramref name="year"/>, in report order.</summary>
    public static IReadOnlyList<ConcernCategoryEntry> ListFor(FiscalYear year, IEnumerable<ConcernCategoryEntry> entries) =>
        entries.Where(e => e.IsValidIn(year)).OrderBy(e => e.Order).ThenBy(e => e.Code, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The built-in list, valid from the earliest intake year on: what the migration <c>YearlyReport</c> writes. The codes
    /// are the names cases stored before the master data existed, so those rows need no conversion.
    /// </summary>
    public static IEnumerable<(string Code, string Name, int Order)> BuiltIn() =>
        BuiltInCategories.Select((c, i) => (c.Code, c.Name, i + 1));

    private static readonly (string Code, string Name)[] BuiltInCategories =
    [
        ("Hikikomori", "ひきこもり"),
        ("EightyFifty", "8050"),
        ("YoungCarer", "ヤングケアラー"),
        ("DoubleCare", "ダブルケア"),
        ("IllnessOrDisability", "病気・障害等"),
        ("Unemployment", "不就労"),
        ("SchoolRefusal", "不登校"),
        ("ElderlyCare", "高齢・介護"),
        ("Children", "子ども"),
        ("Disability", "障害"),
        ("Poverty", "生活困窮"),
        ("Other", "その他"),
    ];
}
