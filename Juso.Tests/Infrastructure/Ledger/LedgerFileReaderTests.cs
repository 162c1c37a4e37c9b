using Juso.Infrastructure.Ledger;
using Juso.Tests.Support;
using MiniExcelLibs;

namespace Juso.Tests.Infrastructure.Ledger;

public sealed class LedgerFileReaderTests
{
    [Fact]
    public void Read_ShiftJisUtf8AndUtf8WithBom_GiveTheSameCells()
    {
        string[] lines = ["台帳番号,氏名,備考", "1,髙橋 恵子,\"「改行\r\nあり」,\"\"引用\"\"\""];

        var tables = new[] { Ledgers.Cp932(lines), Ledgers.Utf8(lines), Ledgers.Utf8WithBom(lines) }.Select(LedgerFileReader.Read).ToList();

        Assert.All(tables, t =>
        {
            Assert.Null(t.Problem);
            Assert.Equal(["台帳番号", "氏名", "備考"], t.Headings);
            Assert.Equal(["1", "髙橋 恵子", "「改行\r\nあり」,\"引用\""], t.Rows.Single().Cells);
            Assert.Equal(2, t.Rows.Single().Number);
        });
    }

    [Fact]
    public void Read_CsvWithAStrayQuote_SaysWhichLine()
    {
        var table = LedgerFileReader.Read(Ledgers.Utf8("台帳番号,氏名", "1,山田 花子", "2,佐藤 \"一郎", "3,鈴木 次郎"));

        Assert.Equal(3, table.Problem!.Row);
        Assert.Contains("3行目に余分な引用符", table.Problem.Message);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Read_CsvWithAnUnclosedQuote_SaysWhereItStarts()
    {
        var table = LedgerFileReader.Read(Ledgers.Utf8("台帳番号,氏名", "1,\"山田 花子", "2,佐藤 一郎"));

        Assert.Contains("2行目で始まる引用符", table.Problem!.Message);
    }

    [Fact]
    public void Read_Xlsx_DatesAndNumbersAsALedgerMeansThem_RowsNumberedAsExcelShowsThem()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["台帳番号"] = 101, ["受付日"] = new DateTime(2024, 4, 1), ["氏名"] = "山田 花子" },
            new Dictionary<string, object?> { ["台帳番号"] = "A-2", ["受付日"] = "令和6年4月2日", ["氏名"] = "#REF!" },
        });

        var table = LedgerFileReader.Read(stream.ToArray());

        Assert.Null(table.Problem);
        Assert.Equal(["台帳番号", "受付日", "氏名"], table.Headings);
        Assert.Equal(["101", "2024-04-01", "山田 花子"], table.Rows[0].Cells);
        Assert.Equal([2, 3], table.Rows.Select(r => r.Number));
        Assert.Equal("#REF!", table.Rows[1].Cells[2]);
    }

    [Fact]
    public void Read_FileOverTheLimit_IsRefusedBeforeParsing()
    {
        var table = LedgerFileReader.Read(new byte[LedgerFileReader.MaxBytes + 1]);

        Assert.Contains("ファイルが大きすぎます", table.Problem!.Message);
    }
}
