using Juso.Domain.Common;
using Juso.Domain.Statistics;

namespace Juso.Portal.Features.Reports;

/// <summary>Target vs actual of one indicator in one 年度. <see cref="Actual"/> null means 未集計 (its feature does not count it yet).</summary>
public sealed record IndicatorCell(decimal? Target, decimal? Actual, bool? Achieved, decimal? Rate);

public sealed record IndicatorLine(IndicatorDefinition Definition, IReadOnlyList<IndicatorCell> Cells);

/// <summary>
/// The report as the page shows it: whose figures (<see cref="ScopeLabel"/>: every agency, or the viewer's agency),
/// the rows per 年度, and the indicators (only for the municipality-wide figures, which the targets are set for).
/// </summary>
public sealed record ReportView(string Municipality, string ScopeLabel, bool IsWholeMunicipality, YearlyReport Report, IReadOnlyList<IndicatorLine> Indicators, DateOnly AsOf)
{
    public string YearsLabel => Report.Years.Count == 1
        ? JapaneseFormat.FiscalYear(Report.Years[0])
        : $"{JapaneseFormat.FiscalYear(Report.Years[0])}〜{JapaneseFormat.FiscalYear(Report.Years[^1])}";
}

public sealed record DrillDownCase(int CaseId, string CaseNumber, string PrincipalName, DateOnly IntakeDate, DateOnly? ClosedOn, string Stage);

/// <summary>The cases behind one figure that the viewer may read; the others are only counted.</summary>
public sealed record DrillDown(string RowLabel, FiscalYear Year, decimal Value, IReadOnlyList<DrillDownCase> Cases, int HiddenCount, int NotShownCount);
