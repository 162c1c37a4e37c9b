using Juso.Domain.Cases;
using Juso.Domain.Common;

namespace Juso.Domain.Statistics;

/// <summary>A row with its figure per 年度 (null where the row does not apply that year, e.g. a category not yet in the list).</summary>
public sealed record ReportLine(ReportRow Row, IReadOnlyList<Figure?> Cells);

/// <summary>The yearly report (年度別実績) over a range of 年度, side by side, computed from the facts (never stored as totals).</summary>
public sealed record YearlyReport(IReadOnlyList<FiscalYear> Years, IReadOnlyList<ReportLine> Lines)
{
    public const int MaxYears = 10;

    public static IReadOnlyList<FiscalYear> Range(FiscalYear from, FiscalYear to)
    {
        new RuleCheck()
            .Require(from.CompareTo(to) <= 0, "From", "開始年度は終了年度以前を選択してください。")
            .Require(to.StartYear - from.StartYear < MaxYears, "To", $"年度の範囲は{MaxYears}年度以内で選択してください。")
            .ThrowIfAny();
        return Enumerable.Range(from.StartYear, to.StartYear - from.StartYear + 1).Select(y => new FiscalYear(y)).ToList();
    }

    public static YearlyReport Compute(ReportFacts facts, IReadOnlyList<FiscalYear> years, IReadOnlyCollection<ConcernCategoryEntry> categories) =>
        Assemble(years, categories, years.Select(y => Column(facts, y, categories)).ToList());

    /// <summary>
    /// The figures of one 年度 by row key: what <see cref="Compute"/> shows in that year's column, whatever the range
    /// around it (a category row is counted only in the years its entry is valid in), so a column can be kept and reused.
    /// </summary>
    public static IReadOnlyDictionary<string, Figure?> Column(ReportFacts facts, FiscalYear year, IReadOnlyCollection<ConcernCategoryEntry> categories)
    {
        var scope = new YearScope(facts, year);
        return Rows([year], categories).ToDictionary(r => r.Key, r => r.Count(scope));
    }

    /// <summary>The report of <paramref name="years"/> from one <see cref="Column"/> per year, in the same order.</summary>
    public static YearlyReport Assemble(IReadOnlyList<FiscalYear> years, IReadOnlyCollection<ConcernCategoryEntry> categories, IReadOnlyList<IReadOnlyDictionary<string, Figure?>> columns) =>
        new(years, Rows(years, categories).Select(r => new ReportLine(r, columns.Select(c => c.GetValueOrDefault(r.Key)).ToList())).ToList());

    private static IEnumerable<ReportRow> Rows(IReadOnlyList<FiscalYear> years, IReadOnlyCollection<ConcernCategoryEntry> categories) =>
        ReportRows.Counts.Concat(ReportRows.Categories(years, categories)).Concat(ReportRows.Routes).Concat(ReportRows.Fields)
            .Concat(ReportRows.Meetings).Concat(ReportRows.Monitoring).Concat(ReportRows.Programs);

    public ReportLine? Line(string key) => Lines.FirstOrDefault(l => l.Row.Key == key);

    public Figure? Cell(string key, FiscalYear year)
    {
        var index = Years.ToList().IndexOf(year);
        return index < 0 ? null : Line(key)?.Cells[index];
    }
}
