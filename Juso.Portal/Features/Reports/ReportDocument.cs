using Juso.Portal.Features.Documents;

namespace Juso.Portal.Features.Reports;

/// <summary>The yearly report printed through the document renderer; the header of every page names the municipality and the 年度.</summary>
public sealed record ReportDocument : PrintDocument
{
    public required ReportView View { get; init; }

    public override string Title => $"年度別実績 {View.YearsLabel}（{View.ScopeLabel}）";

    public override string FileName => $"report-{View.Report.Years[0].StartYear}-{View.Report.Years[^1].StartYear}.pdf";

    public override Type Component => typeof(ReportDocumentView);
}
