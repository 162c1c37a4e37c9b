using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Statistics;

namespace Juso.Tests.Domain.Statistics;

public sealed class CategoryAndTargetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void RenameFrom_OldYearsListTheOldName_NewYearsTheNew()
    {
        var entries = new List<ConcernCategoryEntry> { ConcernCategoryEntry.Add("Poverty", "生活困窮", new FiscalYear(2020), 1, [], Now) };
        entries.Add(entries[0].RenameFrom(new FiscalYear(2023), "経済的困窮", entries, Now));

        Assert.Equal("生活困窮", ConcernCategoryEntry.ListFor(new FiscalYear(2022), entries).Single().Name);
        Assert.Equal("経済的困窮", ConcernCategoryEntry.ListFor(new FiscalYear(2023), entries).Single().Name);
        Assert.Equal("Poverty", entries[1].Code);
    }

    [Fact]
    public void RenameFrom_TheYearItStarted_CorrectsTheNameInPlace()
    {
        var entries = new List<ConcernCategoryEntry> { ConcernCategoryEntry.Add("SelfNeglect", "セルフネグクレト", new FiscalYear(2026), 1, [], Now) };

        var corrected = entries[0].RenameFrom(new FiscalYear(2026), "セルフネグレクト", entries, Now.AddHours(1));

        Assert.Same(entries[0], corrected);
        Assert.Equal(("セルフネグレクト", 2026, (int?)null), (corrected.Name, corrected.FromYear, corrected.UntilYear));
        Assert.Equal("セルフネグレクト", ConcernCategoryEntry.ListFor(new FiscalYear(2026), entries).Single().Name);
        Assert.Empty(ConcernCategoryEntry.ListFor(new FiscalYear(2025), entries));
    }

    [Fact]
    public void RenameFrom_TheSameNameOrOneTakenThatYear_IsRefused()
    {
        var entries = new List<ConcernCategoryEntry> { ConcernCategoryEntry.Add("Poverty", "生活困窮", new FiscalYear(2026), 1, [], Now) };
        entries.Add(ConcernCategoryEntry.Add("Other", "その他", new FiscalYear(2020), 2, entries, Now));

        Assert.Equal("分類名が変わっていません。", Assert.Throws<DomainException>(() => entries[0].RenameFrom(new FiscalYear(2026), "生活困窮", entries, Now)).Errors.Single().Message);
        Assert.Throws<DomainException>(() => entries[0].RenameFrom(new FiscalYear(2026), "その他", entries, Now));
        Assert.Equal("生活困窮", entries[0].Name);
    }

    [Fact]
    public void Add_CodeOrNameAlreadyInUse_IsRefusedWithTheField()
    {
        var existing = new[] { ConcernCategoryEntry.Add("Poverty", "生活困窮", new FiscalYear(2020), 1, [], Now) };

        var error = Assert.Throws<DomainException>(() => ConcernCategoryEntry.Add("Poverty", "生活困窮", new FiscalYear(2024), 2, existing, Now));

        Assert.Contains(error.Errors, e => e.Field == nameof(ConcernCategoryEntry.Code));
        Assert.Contains(error.Errors, e => e.Field == nameof(ConcernCategoryEntry.Name));
    }

    [Fact]
    public void RetireFrom_TheYearItStartedOrTwice_IsRefused()
    {
        var entry = ConcernCategoryEntry.Add("Other", "その他", new FiscalYear(2020), 1, [], Now);

        Assert.Throws<DomainException>(() => entry.RetireFrom(new FiscalYear(2020), Now));
        entry.RetireFrom(new FiscalYear(2022), Now);
        Assert.Equal(2021, entry.UntilYear);
        Assert.Contains("既に廃止", Assert.Throws<DomainException>(() => entry.RetireFrom(new FiscalYear(2023), Now)).Message);
    }

    [Fact]
    public void Set_NegativeOrTooFineTargets_AreAllReported_AndNothingChanges()
    {
        var targets = IndicatorTargets.For(new FiscalYear(2026), Now);
        targets.Set(new Dictionary<Indicator, decimal?> { [Indicator.MeetingsHeld] = 6 }, Now);

        var error = Assert.Throws<DomainException>(() => targets.Set(new Dictionary<Indicator, decimal?> { [Indicator.MeetingsHeld] = -1, [Indicator.NewIntakes] = 1.25m }, Now));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("会議の開催回数（合計）の目標値は0から", error.Message);
        Assert.Equal(6, targets.TargetOf(Indicator.MeetingsHeld));
    }

    [Fact]
    public void Achievement_AtLeastGivesARate_AtMostOnlyWhetherKept()
    {
        var meetings = IndicatorDefinition.Of(Indicator.MeetingsHeld);
        var perSession = IndicatorDefinition.Of(Indicator.CasesPerRegularSession);

        Assert.True(meetings.IsAchieved(6, 6));
        Assert.Equal(83.3m, meetings.AchievementRate(5, 6));
        Assert.True(perSession.IsAchieved(12, 12));
        Assert.False(perSession.IsAchieved(12.5m, 12));
        Assert.Null(perSession.AchievementRate(10, 12));
    }

    [Fact]
    public void IndicatorsOfLaterFeatures_HaveNoReportRow()
    {
        Assert.All(new[] { Indicator.OutreachFound, Indicator.OutreachPlans, Indicator.OutreachContinuous, Indicator.OutreachConnected, Indicator.ParticipationPlans },
            i => Assert.True(IndicatorDefinition.Of(i).ComesFromLaterFeature));
        Assert.All(IndicatorDefinition.All.Where(d => !d.ComesFromLaterFeature), d => Assert.Contains(ReportRows.Counts.Concat(ReportRows.Meetings), r => r.Key == d.ReportRow));
    }
}
