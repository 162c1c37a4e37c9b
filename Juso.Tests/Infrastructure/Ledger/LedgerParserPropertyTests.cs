using FsCheck;
using FsCheck.Fluent;
using Juso.Domain.Ledger;
using Juso.Infrastructure.Ledger;
using Juso.Tests.Support;

namespace Juso.Tests.Infrastructure.Ledger;

/// <summary>Whatever a file or a cell holds, the parsers answer with cells or a Japanese problem, never an exception.</summary>
public sealed class LedgerParserPropertyTests
{
    private static readonly string[] Pieces = ["\"", ",", "\r\n", "\n", "\r", "令和", "R", "H31", ".", "/", "-", "年", "月", "日", "2024", "0", "45383", "99999",
        "2月30日", "元", "○", "#REF!", "山田 花子", "\u3000", "\ud800", "😀", "\ufeff", "\0"];

    private static readonly Gen<string> LedgerText = Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p));

    private static void Check<T>(Gen<T> input, Action<T> body) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(input.ToArbitrary(), body));

    [Fact]
    public void Read_AnyBytes_GivesCellsOrAProblem()
    {
        var prefixes = Gen.Elements(new byte[0], new byte[] { 0x50, 0x4B, 0x03, 0x04 }, new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }, new byte[] { 0xEF, 0xBB, 0xBF });
        Check(prefixes.SelectMany(p => ArbMap.Default.ArbFor<byte[]>().Generator.Select(b => p.Concat(b).ToArray())), bytes =>
        {
            var table = LedgerFileReader.Read(bytes);
            Assert.True(table.Problem is not null || table.Headings.Count > 0);
        });
    }

    [Fact]
    public void Parse_AnyText_GivesRowsOrAProblemWithItsLine()
    {
        Check(LedgerText, text =>
        {
            var result = LedgerCsv.Parse(text);
            Assert.True(result.Problem is null || result.Problem.Row >= 1);
        });
    }

    [Fact]
    public void ReadRow_AnyCells_GivesARecordOrProblemsNeverThrows()
    {
        var categories = new LedgerCategories([]);
        var headings = LedgerFields.All.Select(d => d.Heading).ToList();
        var reader = new LedgerRowReader(headings, LedgerMapping.Propose(headings, new Dictionary<string, string>(), categories),
            new LedgerMasters(categories, new Dictionary<string, int>()), new DateOnly(2026, 11, 23));
        Check(Gen.OneOf(LedgerText, Hostile.Text.Select(t => t ?? string.Empty)).ArrayOf(), cells =>
        {
            var (record, problems) = reader.Read(2, cells);
            Assert.True((record is null) == (problems.Count > 0));
            Assert.All(problems, p => Assert.Equal(2, p.Row));
        });
        Check(LedgerText, text => LedgerValues.TryDate(text, out _, out _));
    }
}
