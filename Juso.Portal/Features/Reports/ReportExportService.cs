using System.Text;
using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Documents;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Juso.Portal.Features.Reports;

/// <summary>
/// The yearly report as CSV (UTF-8 with BOM, so Excel reads the Japanese), .xlsx and PDF (the document renderer).
/// Each export is of the viewer's own scope, as the page shows it, and audited.
/// </summary>
public sealed class ReportExportService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, ReportService reports,
    IDocumentRenderer renderer, TimeProvider time)
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public Task<PrintedFile> CsvAsync(FiscalYear from, FiscalYear to, CancellationToken cancellationToken = default) =>
        ExportAsync(from, to, "CSV", cancellationToken, view =>
        {
            var text = new StringBuilder();
            foreach (var row in ReportSheets.ReportRows(view))
            {
                text.AppendJoin(',', row.Values.Select(Csv)).Append("\r\n");
            }
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
            return Task.FromResult(new PrintedFile(bytes, FileName(view, "csv"), CsvContentType, null));
        });

    public Task<PrintedFile> XlsxAsync(FiscalYear from, FiscalYear to, CancellationToken cancellationToken = default) =>
        ExportAsync(from, to, "Excel", cancellationToken, async view =>
        {
            var sheets = new Dictionary<string, object> { ["年度別実績"] = ReportSheets.ReportRows(view).Skip(1).ToList() };
            if (view.Indicators.Count > 0)
            {
                sheets["評価指標"] = ReportSheets.IndicatorRows(view).Skip(1).ToList();
            }
            using var stream = new MemoryStream();
            await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
            return new PrintedFile(stream.ToArray(), FileName(view, "xlsx"), XlsxContentType, null);
        });

    public Task<PrintedFile> PdfAsync(FiscalYear from, FiscalYear to, CancellationToken cancellationToken = default) =>
        ExportAsync(from, to, "PDF", cancellationToken, async view =>
        {
            var document = new ReportDocument { View = view, Municipality = view.Municipality, PrintedAt = JapanDate.InJapan(time.GetUtcNow()) };
            try
            {
                var pdf = await renderer.RenderPdfAsync(document, cancellationToken);
                return new PrintedFile(pdf, document.FileName, "application/pdf", null);
            }
            catch (DocumentUnavailableException ex)
            {
                return PrintedFile.Failed(ex.Message);
            }
        });

    private async Task<PrintedFile> ExportAsync(FiscalYear from, FiscalYear to, string format, CancellationToken cancellationToken, Func<ReportView, Task<PrintedFile>> write)
    {
        var user = await currentUser.GetAsync();
        if (!ReportService.MayView(user))
        {
            throw new AccessDeniedException();
        }
        var years = Domain.Statistics.YearlyReport.Range(from, to);
        await using var db = await factory.CreateDbContextAsync();
        var view = await reports.ComputeAsync(db, user, years, cancellationToken);
        var file = await write(view);
        if (file.Content is not null)
        {
            audit.Add(db, user, AuditAction.ReportExported, detail: $"{view.YearsLabel}（{view.ScopeLabel}） {format}、{file.Content.Length / 1024}KB");
            await db.SaveChangesAsync(cancellationToken);
        }
        return file;
    }

    private static string FileName(ReportView view, string extension) =>
        $"report-{view.Report.Years[0].StartYear}-{view.Report.Years[^1].StartYear}.{extension}";

    private static string Csv(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
