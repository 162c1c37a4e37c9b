using Juso.Domain.Cases;
using Juso.Domain.Households;
using Juso.Domain.Ledger;
using Juso.Domain.Plans;

namespace Juso.Tests.Domain.Ledger;

public sealed class LedgerRowReaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly LedgerCategories Categories = new(ConcernCategoryEntry.BuiltIn()
        .Aggregate(new List<ConcernCategoryEntry>(), (entries, c) =>
        {
            entries.Add(ConcernCategoryEntry.Add(c.Code, c.Name, new Juso.Domain.Common.FiscalYear(1999), c.Order, entries, TestData.Now));
            return entries;
        }));

    private static readonly LedgerMasters Masters = new(Categories, new Dictionary<string, int> { [LedgerText.Key("東部地域包括支援センター")] = 7 });

    private static (LedgerRecord? Record, IReadOnlyList<LedgerProblem> Problems) Read(params (string Heading, string? Cell)[] columns)
    {
        var headings = columns.Select(c => c.Heading).ToList();
        var targets = LedgerMapping.Propose(headings, new Dictionary<string, string>(), Categories);
        return new LedgerRowReader(headings, targets, Masters, Today).Read(2, columns.Select(c => c.Cell).ToList());
    }

    private static (string, string?)[] Minimal(params (string, string?)[] more) =>
        [("台帳番号", "1"), ("受付日", "2024/4/1"), ("氏名", "山田 花子"), ("ふりがな", "やまだ はなこ"), ("相談分類", "ひきこもり"), .. more];

    [Theory]
    [InlineData("令和6年4月1日")]
    [InlineData("R6.4.1")]
    [InlineData("2024/4/1")]
    [InlineData("2024-04-01")]
    [InlineData("45383")]
    [InlineData("２０２４年４月１日")]
    public void Read_IntakeDateInAnyFormALedgerHolds_IsTheSameDay(string cell)
    {
        var (record, problems) = Read([("台帳番号", "1"), ("受付日", cell), ("氏名", "山田 花子"), ("ふりがな", "やまだ はなこ"), ("相談分類", "ひきこもり")]);

        Assert.Empty(problems);
        Assert.Equal(new DateOnly(2024, 4, 1), record!.IntakeDate);
    }

    [Fact]
    public void Read_FullRow_GivesEveryField()
    {
        var (record, problems) = Read(Minimal(("主担当機関", "東部地域包括支援センター"), ("相談経路", "関係機関"), ("紹介元機関", "東部 地域包括支援センター"),
            ("本人同意", "撤回"), ("同意日", "2024/5/1"), ("プラン承認日", "2024/6/1、2024/5/10"), ("終結日", "平成31年4月30日"), ("続柄", "")));

        Assert.Contains(problems, p => p.Column == "終結日" && p.Message.Contains("受付日より前"));
        var (fixedRecord, none) = Read(Minimal(("主担当機関", "東部地域包括支援センター"), ("相談経路", "関係機関"), ("紹介元機関", "東部 地域包括支援センター"),
            ("本人同意", "撤回"), ("同意日", "2024/5/1"), ("プラン承認日", "2024/6/1、2024/5/10"), ("終結日", "令和7年3月31日"), ("続柄", "")));
        Assert.Empty(none);
        Assert.Null(record);
        Assert.Equal((IntakeRoute.AgencyReferral, 7, 7), (fixedRecord!.Route, fixedRecord.ReferringAgencyId, fixedRecord.LeadAgencyId));
        Assert.Equal((ConsentStatus.Withdrawn, Relationship.Principal), (fixedRecord.Consent!.Value, fixedRecord.Member.Relationship));
        Assert.Equal([new DateOnly(2024, 5, 10), new DateOnly(2024, 6, 1)], fixedRecord.PlanApprovals);
        Assert.Equal(PlanKind.WholeHousehold, fixedRecord.PlanKindOrDefault);
    }

    [Theory]
    [InlineData("男", Sex.Male)]
    [InlineData("女性", Sex.Female)]
    [InlineData("M", Sex.Male)]
    [InlineData("ｆ", Sex.Female)]
    [InlineData("不明", Sex.Unknown)]
    [InlineData("", null)]
    public void Read_SexAsLedgersWriteIt_IsKeptOnTheMember(string cell, Sex? expected)
    {
        var (record, problems) = Read(Minimal(("性別", cell)));

        Assert.Empty(problems);
        Assert.Equal(expected, record!.Member.Sex);
    }

    [Fact]
    public void Read_SexNobodyKnows_IsAProblemOfItsRowAndColumn()
    {
        var (record, problems) = Read(Minimal(("男女", "X")));

        Assert.Null(record);
        var problem = Assert.Single(problems);
        Assert.Equal((2, "男女"), (problem.Row, problem.Column));
        Assert.Contains("性別「X」は読めません", problem.Message);
    }

    [Theory]
    [InlineData("困窮相談振分会議より")]
    [InlineData("振分会議")]
    public void Read_RouteFromTheTriageMeeting_IsThatRoute(string cell)
    {
        var (record, problems) = Read(Minimal(("相談経路", cell)));

        Assert.Empty(problems);
        Assert.Equal(IntakeRoute.TriageMeeting, record!.Route);
    }

    [Fact]
    public void Read_CategoryColumnsMarkedInAnyUsualWay_AddTheirCategories()
    {
        var (record, problems) = Read([("台帳番号", "1"), ("受付日", "2024/4/1"), ("氏名", "山田 花子"), ("ふりがな", "ヤマダ ハナコ"),
            ("ひきこもり", "○"), ("8050", "1"), ("不登校", "✓"), ("不就労", ""), ("その他", "×")]);

        Assert.Empty(problems);
        Assert.Equal(["EightyFifty", "Hikikomori", "SchoolRefusal"], record!.Categories);
    }

    [Theory]
    [InlineData("受付日", "令和5年2月30日", "2月は28日まで")]
    [InlineData("受付日", "平成32年1月1日", "平成にはありません")]
    [InlineData("受付日", "2027/1/1", "未来の日付")]
    [InlineData("受付日", "#REF!", "#REF!")]
    [InlineData("受付日", "", "受付日を入れてください")]
    [InlineData("氏名", "山田花子", "氏と名の間に空白")]
    [InlineData("相談分類", "宇宙、ひきこもり", "「宇宙」は分類マスタにありません")]
    [InlineData("台帳番号", "", "台帳番号を入れてください")]
    public void Read_BadCell_IsAProblemOfItsRowAndColumnInJapanese(string column, string cell, string message)
    {
        var columns = Minimal().Select(c => c.Item1 == column ? (c.Item1, (string?)cell) : c).ToArray();

        var (record, problems) = Read(columns);

        Assert.Null(record);
        var problem = Assert.Single(problems);
        Assert.Equal((2, column), (problem.Row, problem.Column));
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Check_SameNumberTwiceAndAHouseholdWithoutItsPrincipal_AreProblemsOfTheLaterRows()
    {
        var member = new MemberDetails("山田", "花子", "ヤマダ", "ハナコ", null, Relationship.Child);
        LedgerRecord Record(int row, string? household) => new(row, $"N{row}", new DateOnly(2024, 4, 1), member, null, household, ["Other"],
            IntakeRoute.Counter, null, null, null, null, [], null, null, false, null);

        var problems = LedgerBatch.Check([Record(2, "H1"), Record(3, "H1")], [(2, "A-1"), (3, "Ａ－1"), (4, "A-1")]);

        Assert.Contains(problems, p => p.Row == 3 && p.Message.Contains("2行目と重複"));
        Assert.Contains(problems, p => p.Row == 4 && p.Message.Contains("2行目と重複"));
        Assert.Contains(problems, p => p.Row == 2 && p.Column == "続柄" && p.Message.Contains("本人"));
    }

    [Fact]
    public void Propose_TemplateHeadingsVariantsAndCategoryNames_AreMatchedAndEachFieldTakenOnce()
    {
        var targets = LedgerMapping.Propose(["台帳番号*", "相談受付日", "氏　名", "フリガナ", "ひきこもり", "受付日", "謎の列"], new Dictionary<string, string>(), Categories);

        Assert.Equal([ColumnTarget.Of(LedgerField.LedgerNumber), ColumnTarget.Of(LedgerField.IntakeDate), ColumnTarget.Of(LedgerField.Name),
            ColumnTarget.Of(LedgerField.Kana), ColumnTarget.Category("Hikikomori"), ColumnTarget.Ignore, ColumnTarget.Ignore], targets);
        Assert.Empty(LedgerMapping.Check(["a", "b", "c", "d", "e"], targets.Take(5).ToList()));
        Assert.Contains(LedgerMapping.Check(["a"], [ColumnTarget.Of(LedgerField.LedgerNumber)]), p => p.Message.Contains("「受付日」に対応する列がありません"));
    }
}
