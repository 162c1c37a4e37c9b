using Juso.Domain.Cases;
using Juso.Domain.Common;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Cases;

/// <summary>The 相談分類 master data's rules and lookups: what intake offers, what a case is called, what an import finds.</summary>
public sealed class ConcernCategoryCatalogTests
{
    private static readonly FiscalYear R5 = new(2023);
    private static readonly FiscalYear R6 = new(2024);

    private static List<ConcernCategoryEntry> BuiltIn() => BuiltInCategoryEntries();

    [Theory]
    [InlineData("自己放任")]
    [InlineData("Self Neglect")]
    public void Add_CodeNotInHalfWidthLettersAndDigits_IsRefused(string code)
    {
        var error = Assert.Throws<DomainException>(() => ConcernCategoryEntry.Add(code, "セルフネグレクト", R6, 13, BuiltIn(), Now));

        Assert.Equal("分類コードは半角英数字（- と _ も使えます）で入力してください。", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Add_CodeOfARetiredCategory_IsRefused_SoTwoCategoriesNeverShareACode()
    {
        var entries = BuiltIn();
        entries.Single(e => e.Code == "SchoolRefusal").RetireFrom(R5, Now);

        var error = Assert.Throws<DomainException>(() => ConcernCategoryEntry.Add("SchoolRefusal", "登校しぶり", R6, 13, entries, Now));

        Assert.Equal(nameof(ConcernCategoryEntry.Code), Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Move_Down_SwapsWithTheNeighbourInThatYearsList_InEveryYear()
    {
        var entries = BuiltIn();
        entries.Add(entries.Single(e => e.Code == "EightyFifty").RenameFrom(R6, "8050問題", entries, Now));

        ConcernCategoryEntry.Move("Hikikomori", R6, 1, entries, Now);

        Assert.Equal(["EightyFifty", "Hikikomori"], ConcernCategoryEntry.ListFor(R6, entries).Take(2).Select(e => e.Code));
        Assert.Equal(["EightyFifty", "Hikikomori"], ConcernCategoryEntry.ListFor(R5, entries).Take(2).Select(e => e.Code));
    }

    [Fact]
    public void Move_FirstUpOrLastDown_IsRefused()
    {
        var entries = BuiltIn();

        Assert.Contains("先頭", Assert.Throws<DomainException>(() => ConcernCategoryEntry.Move("Hikikomori", R6, -1, entries, Now)).Message);
        Assert.Contains("末尾", Assert.Throws<DomainException>(() => ConcernCategoryEntry.Move("Other", R6, 1, entries, Now)).Message);
    }

    [Fact]
    public void Find_ByCodeOrByNameInFullWidth_OnlyInTheYearsTheCategoryIsValid()
    {
        var entries = BuiltIn();
        entries.Add(ConcernCategoryEntry.Add("SelfNeglect", "セルフネグレクト", R6, 13, entries, Now));
        var catalog = new ConcernCategoryCatalog(entries);

        Assert.Equal("EightyFifty", catalog.Find("８０５０", R6)?.Code);
        Assert.Equal("SelfNeglect", catalog.Find(" セルフネグレクト ", R6)?.Code);
        Assert.Equal("SelfNeglect", catalog.Find("SelfNeglect", R6)?.Code);
        Assert.Null(catalog.Find("セルフネグレクト", R5));
        Assert.Null(catalog.Find("", R6));
    }

    [Fact]
    public void NameOf_RenamedOrRetiredCategory_IsTheNameOfTheCasesYear()
    {
        var entries = BuiltIn();
        entries.Add(entries.Single(e => e.Code == "IllnessOrDisability").RenameFrom(R6, "病気・障害", entries, Now));
        entries.Single(e => e.Code == "SchoolRefusal").RetireFrom(R6, Now);
        var catalog = new ConcernCategoryCatalog(entries);

        Assert.Equal("病気・障害等", catalog.NameOf("IllnessOrDisability", R5));
        Assert.Equal("病気・障害", catalog.NameOf("IllnessOrDisability", R6));
        Assert.Equal("不登校", catalog.NameOf("SchoolRefusal", R5));
        Assert.DoesNotContain(catalog.ListFor(R6), e => e.Code == "SchoolRefusal");
    }

    [Fact]
    public void Open_CategoryAddedInALaterYear_IsRefusedForAnEarlierIntake_AndStoredByCodeForItsYear()
    {
        var entries = BuiltIn();
        entries.Add(ConcernCategoryEntry.Add("SelfNeglect", "セルフネグレクト", new FiscalYear(2026), 13, entries, Now));
        var catalog = new ConcernCategoryCatalog(entries);
        var earlier = Intake(date: new DateOnly(2026, 3, 31), categories: ["SelfNeglect"]);

        var errors = SupportCase.CheckIntake(earlier, catalog, null, null, [], IntakeDate);
        var opened = SupportCase.Open(StoredHousehold(), Intake(categories: ["SelfNeglect", "Poverty"]), catalog, null, null, null, 1, ActingUser, Now);

        Assert.Equal("相談分類「セルフネグレクト」は令和7年度には使えません。選び直してください。", Assert.Single(errors).Message);
        Assert.Equal(["Poverty", "SelfNeglect"], opened.Concerns.Select(c => c.Category));
        Assert.Contains("生活困窮・セルフネグレクト", opened.Events.Single().Description);
    }

    [Fact]
    public void ReviseConcerns_KeepsACategoryRetiredSince_RefusesOneOfALaterYear_AndPutsTheChangeOnTheTimeline()
    {
        var entries = BuiltIn();
        entries.Single(e => e.Code == "SchoolRefusal").RetireFrom(new FiscalYear(2027), Now);
        entries.Add(ConcernCategoryEntry.Add("SelfNeglect", "セルフネグレクト", new FiscalYear(2027), 13, entries, Now));
        var catalog = new ConcernCategoryCatalog(entries);
        var supportCase = SupportCase.Open(StoredHousehold(), Intake(categories: ["SchoolRefusal", "Children"]), catalog, null, null, null, 1, ActingUser, Now);

        var refused = Assert.Throws<DomainException>(() => supportCase.ReviseConcerns(["SelfNeglect"], catalog, ActingUser, Now));
        supportCase.ReviseConcerns(["SchoolRefusal", "Poverty"], catalog, ActingUser, Now);

        Assert.Equal("相談分類「セルフネグレクト」は令和8年度には使えません。選び直してください。", Assert.Single(refused.Errors).Message);
        Assert.Equal(["Poverty", "SchoolRefusal"], supportCase.Concerns.Select(c => c.Category).Order());
        Assert.Equal("相談分類を「不登校・子ども」から「不登校・生活困窮」に変更しました。", supportCase.Events[^1].Description);
    }

    [Fact]
    public void ReviseConcerns_NoneChosen_IsRefused()
    {
        var supportCase = OpenCase();

        var error = Assert.Throws<DomainException>(() => supportCase.ReviseConcerns([], Categories, ActingUser, Now));

        Assert.Equal("相談分類を1つ以上選択してください。", Assert.Single(error.Errors).Message);
    }
}
