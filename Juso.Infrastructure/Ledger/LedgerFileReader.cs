using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Juso.Infrastructure.Ledger;

/// <summary>
/// Reads an uploaded ledger (.xlsx, or .csv in UTF-8 with or without BOM, or Shift_JIS/CP932, told apart by the bytes)
/// into text cells. Never throws on what the file holds: an empty, oversized, protected or broken file gives a
/// <see cref="LedgerTable.Problem"/> in Japanese. The first non-empty row holds the headings.
/// </summary>
public static class LedgerFileReader
{
    public const int MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 50_000;
    public const int MaxColumns = 200;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    // An encrypted (password-protected) .xlsx, like an old .xls, is an OLE compound file.
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0];

    static LedgerFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static LedgerTable Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return LedgerTable.Unreadable("ファイルが空です。台帳の.xlsxまたは.csvを選んでください。");
        }
        if (content.Length > MaxBytes)
        {
            return LedgerTable.Unreadable($"ファイルが大きすぎます（{content.Length / 1024 / 1024}MB）。{MaxBytes / 1024 / 1024}MBまでにするか、年度ごとなどに分けて取り込んでください。");
        }
        if (content.AsSpan().StartsWith(Ole))
        {
            return LedgerTable.Unreadable("パスワードで保護されたファイル、または古い.xls形式のファイルは読めません。Excelで保護を外し、.xlsx形式で保存し直してください。");
        }
        if (content.AsSpan().StartsWith(Zip))
        {
            return ReadXlsx(content);
        }
        if (content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0))
        {
            return LedgerTable.Unreadable("表計算のファイルとして読めません。台帳を.xlsxまたは.csv形式で保存し直してください。");
        }
        return Tabulate(LedgerCsv.Parse(Decode(content)));
    }

    /// <summary>UTF-8 (a BOM, or bytes that are valid UTF-8), else Shift_JIS/CP932, which municipal Excel still saves.</summary>
    public static string Decode(byte[] content)
    {
        if (content.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(932).GetString(content);
        }
    }

    private static LedgerTable ReadXlsx(byte[] content)
    {
        var rows = new List<(int Number, IReadOnlyList<string?> Cells)>();
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var number = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                number++;
                if (rows.Count > MaxRows)
                {
                    break;
                }
                rows.Add((number, row.Values.Take(MaxColumns).Select(Text).ToList()));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever a broken package makes the reader throw (zip, XML, its own types), the answer to the user is the same.
            return LedgerTable.Unreadable("Excelファイルとして読めません（壊れているか、.xlsx形式ではありません）。Excelで開いて.xlsx形式で保存し直してください。");
        }
        return Tabulate(new LedgerCsv.Result(rows, null));
    }

    /// <summary>A cell as the ledger's text: dates as 2024-04-01, numbers without exponent or grouping.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("0.##########", CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static LedgerTable Tabulate(LedgerCsv.Result parsed)
    {
        if (parsed.Problem is { } problem)
        {
            return LedgerTable.Unreadable(problem.Message, problem.Row);
        }
        var nonEmpty = parsed.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (nonEmpty.Count == 0)
        {
            return LedgerTable.Unreadable("ファイルに行がありません。1行目に見出し、2行目から1件1行で入れてください。");
        }
        if (nonEmpty.Count - 1 > MaxRows)
        {
            return LedgerTable.Unreadable($"行が多すぎます（{MaxRows:N0}行まで）。年度ごとなどに分けて取り込んでください。");
        }
        var header = nonEmpty[0];
        var width = header.Cells.Count;
        while (width > 0 && string.IsNullOrWhiteSpace(header.Cells[width - 1]))
        {
            width--;
        }
        if (width == 0)
        {
            return LedgerTable.Unreadable("見出しの行が読めません。", header.Number);
        }
        var headings = Enumerable.Range(0, width)
            .Select(i => string.IsNullOrWhiteSpace(header.Cells[i]) ? $"（{i + 1}列目）" : header.Cells[i]!.Trim()).ToList();
        var rows = nonEmpty.Skip(1).Select(r => new LedgerRow(r.Number, Enumerable.Range(0, width).Select(i => i < r.Cells.Count ? r.Cells[i] : null).ToList())).ToList();
        return new LedgerTable(headings, rows, null);
    }
}
