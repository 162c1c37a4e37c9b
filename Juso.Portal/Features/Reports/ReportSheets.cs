using Juso.Domain.Statistics;

namespace Juso.Portal.Features.Reports;

/// <summary>
/// The report as rows of cells for the CSV and the .xlsx: the first row is the header, numbers stay numbers (a row
/// that does not apply in a 年度 is left empty), and every row carries its 定義.
/// </summary>
public static class ReportSheets
{
    public static IEnumerable<IDictionary<string, object?>> ReportRows(ReportView view)
    {
        var years = view.Report.Years.Select(ReportFormat.Year).ToList();
        var header = new Dictionary<string, object?> { ["区分"] = "区分", ["項目"] = "項目" };
        foreach (var year in years)
        {
            header[year] = year;
        }
        foreach (var year in years)
        {
            header[$"{year} 新規受付に対する割合(%)"] = $"{year} 新規受付に対する割合(%)";
        }
        header["定義"] = "定義";
        yield return header;
        foreach (var line in view.Report.Lines)
        {
            var row = new Dictionary<string, object?> { ["区分"] = line.Row.Group, ["項目"] = line.Row.Label };
            for (var i = 0; i < years.Count; i++)
            {
                row[years[i]] = line.Cells[i]?.Value;
            }
            for (var i = 0; i < years.Count; i++)
            {
                row[$"{years[i]} 新規受付に対する割合(%)"] = line.Cells[i]?.Percent;
            }
            row["定義"] = line.Row.Definition;
            yield return row;
        }
    }

    public static IEnumerable<IDictionary<string, object?>> IndicatorRows(ReportView view)
    {
        var years = view.Report.Years.Select(ReportFormat.Year).ToList();
        var columns = years.SelectMany(y => new[] { $"{y} 目標", $"{y} 実績", $"{y} 達成率(%)" }).ToList();
        yield return new[] { "指標", "目標の向き" }.Concat(columns).Append("定義").ToDictionary(c => c, c => (object?)c);
        foreach (var line in view.Indicators)
        {
            var row = new Dictionary<string, object?>
            {
                ["指標"] = line.Definition.Label,
                ["目標の向き"] = line.Definition.Direction == TargetDirection.AtLeast ? "以上" : "以下",
            };
            for (var i = 0; i < years.Count; i++)
            {
                var cell = line.Cells[i];
                row[$"{years[i]} 目標"] = cell.Target;
                row[$"{years[i]} 実績"] = cell.Actual is { } actual ? actual : ReportFormat.NotCounted;
                row[$"{years[i]} 達成率(%)"] = cell.Rate;
            }
            row["定義"] = line.Definition.Definition;
            yield return row;
        }
    }
}
