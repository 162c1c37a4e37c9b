using System.Text;
using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Reports;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Juso.Tests.Features.Reports;

/// <summary>The exports open in Excel with the figures of the page, and are audited.</summary>
public sealed class ReportExportTests : IAsyncLifetime
{
    private static readonly FiscalYear R7 = new(2025);
    private static readonly FiscalYear R8 = new(2026);
    private PortalHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        var agency = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        await using var scope = _harness.As(TestUsers.MemberOf(agency.Id));
        foreach (var (family, kana) in new[] { ("山田", "ヤマダ"), ("佐藤", "サトウ") })
        {
            Assert.True((await _harness.Get<IntakeService>(scope).OpenCaseAsync(IntakeForms.Valid(family: family, familyKana: kana))).Succeeded);
        }
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Csv_StartsWithTheUtf8Bom_AndHasEachRowWithItsFigures()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());

        var file = await _harness.Get<ReportExportService>(scope).CsvAsync(R7, R8);

        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content![..3]);
        var lines = Encoding.UTF8.GetString(file.Content[3..]).Split("\r\n");
        Assert.StartsWith("区分,項目,令和7年度,令和8年度,", lines[0]);
        Assert.StartsWith("件数,新規受付件数,0,2,", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("相談分類（新規受付、複数計上）,ひきこもり,0,2,,100,"));
        Assert.Equal("report-2025-2026.csv", file.FileName);
        await using var db = _harness.NewContext();
        Assert.Contains("CSV", (await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ReportExported)).Detail);
    }

    [Fact]
    public async Task Xlsx_OpensWithTheReportAndTheIndicators()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());

        var file = await _harness.Get<ReportExportService>(scope).XlsxAsync(R7, R8);

        using var stream = new MemoryStream(file.Content!);
        Assert.Equal(["年度別実績", "評価指標"], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: "年度別実績").Cast<IDictionary<string, object?>>().ToList();
        var intake = rows.Single(r => (string?)r["項目"] == "新規受付件数");
        Assert.Equal(2d, Convert.ToDouble(intake["令和8年度"]));
        Assert.Contains("受付日がその年度", (string?)intake["定義"]);
        var indicators = stream.Query(useHeaderRow: true, sheetName: "評価指標").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(0d, Convert.ToDouble(indicators.Single(r => (string?)r["指標"] == "アウトリーチ 把握件数")["令和8年度 実績"]));
        await using var db = _harness.NewContext();
        Assert.Contains("Excel", (await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ReportExported)).Detail);
    }

    [Fact]
    public async Task Pdf_PrintsThroughTheDocumentRenderer_WithTheMunicipalityAndTheYearsOnEveryPage()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());

        var file = await _harness.Get<ReportExportService>(scope).PdfAsync(R7, R8);

        Assert.Null(file.Error);
        Assert.Equal("report-2025-2026.pdf", file.FileName);
        var pages = PdfText.Pages(file.Content!);
        Assert.All(pages, page => Assert.Contains("ひばり野市", page));
        Assert.All(pages, page => Assert.Contains("年度別実績令和7年度〜令和8年度", page.Replace(" ", string.Empty, StringComparison.Ordinal)));
        Assert.Contains("新規受付件数", string.Concat(pages));
        await using var db = _harness.NewContext();
        Assert.Contains("PDF", (await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ReportExported)).Detail);
    }
}
