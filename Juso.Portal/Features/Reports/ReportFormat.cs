using System.Globalization;
using Juso.Domain.Common;
using Juso.Domain.Statistics;

namespace Juso.Portal.Features.Reports;

/// <summary>How the page, the PDF and the exports write a figure, so that all three say the same.</summary>
public static class ReportFormat
{
    /// <summary>A row that does not apply in a 年度 (e.g. a category not in that year's list).</summary>
    public const string NotApplicable = "—";

    public const string NotCounted = "未集計";

    public static string Value(decimal value) => value.ToString(value == decimal.Truncate(value) ? "N0" : "N1", CultureInfo.InvariantCulture);

    public static string Value(Figure? figure) => figure is null ? NotApplicable : Value(figure.Value);

    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : string.Empty;

    public static string Year(FiscalYear year) => JapaneseFormat.FiscalYear(year);
}
