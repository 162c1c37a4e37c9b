using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Domain.Statistics;

namespace Juso.Tests.Domain.Statistics;

/// <summary>Each figure of the yearly report at the edges of the 年度 (ADR 0019).</summary>
public sealed class ReportDefinitionsTests
{
    private static readonly FiscalYear R5 = new(2023);
    private static readonly FiscalYear R6 = new(2024);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(9));

    private static CaseFact Case(int id, DateOnly intake, DateOnly? closed = null, bool handedBack = false, IntakeRoute route = IntakeRoute.Counter,
        AgencyField? field = null, string[]? categories = null, int[]? agencies = null) =>
        new(id, intake, closed, handedBack, route, field, categories ?? ["Poverty"], agencies ?? []);

    private static YearlyReport Report(IReadOnlyList<CaseFact> cases, IReadOnlyList<PlanFact>? plans = null, IReadOnlyList<MeetingFact>? meetings = null,
        IReadOnlyList<MonitoringFact>? reviews = null, IReadOnlyDictionary<int, SupportProgram>? programs = null, IReadOnlyList<ConcernCategoryEntry>? categories = null,
        DateOnly? asOf = null) =>
        YearlyReport.Compute(new ReportFacts(asOf ?? new DateOnly(2026, 11, 23), cases, plans ?? [], meetings ?? [], reviews ?? [], programs ?? new Dictionary<int, SupportProgram>()),
            [R5, R6], categories ?? BuiltIn());

    private static List<ConcernCategoryEntry> BuiltIn() => TestData.BuiltInCategoryEntries();

    private static decimal? Value(YearlyReport report, string key, FiscalYear year) => report.Cell(key, year)?.Value;

    [Fact]
    public void New_IntakeOn31MarchAnd1April_CountInTheYearEachDayBelongsTo()
    {
        var report = Report([Case(1, new DateOnly(2024, 3, 31)), Case(2, new DateOnly(2024, 4, 1))]);

        Assert.Equal([1], report.Cell(ReportRows.New, R5)!.CaseIds);
        Assert.Equal([2], report.Cell(ReportRows.New, R6)!.CaseIds);
    }

    [Fact]
    public void Handled_CaseClosedOnFirstDayOfYear_IsHandledAndClosedInThatYear_AndCarriedOver()
    {
        var report = Report([Case(1, new DateOnly(2023, 6, 1), closed: new DateOnly(2024, 4, 1))]);

        Assert.Equal(1, Value(report, ReportRows.Handled, R5));
        Assert.Equal(1, Value(report, ReportRows.Handled, R6));
        Assert.Equal(1, Value(report, "carried", R6));
        Assert.Equal(0, Value(report, ReportRows.Closed, R5));
        Assert.Equal(1, Value(report, ReportRows.Closed, R6));
    }

    [Fact]
    public void Handled_CaseClosedOn31March_IsNotHandledInTheNextYear()
    {
        var report = Report([Case(1, new DateOnly(2023, 6, 1), closed: new DateOnly(2024, 3, 31))]);

        Assert.Equal(1, Value(report, ReportRows.Closed, R5));
        Assert.Equal(0, Value(report, ReportRows.Handled, R6));
        Assert.Equal(0, Value(report, ReportRows.Closed, R6));
    }

    [Fact]
    public void CaseOpenedAndClosedInTheSameYear_IsNewHandledAndClosedThere_AndGoneTheNextYear()
    {
        var report = Report([Case(1, new DateOnly(2023, 4, 1), closed: new DateOnly(2023, 4, 1))]);

        Assert.Equal((1m, 1m, 1m), (Value(report, ReportRows.New, R5)!.Value, Value(report, ReportRows.Handled, R5)!.Value, Value(report, ReportRows.Closed, R5)!.Value));
        Assert.Equal(0, Value(report, ReportRows.Handled, R6));
        Assert.Equal(0, Value(report, "carried", R5));
    }

    [Fact]
    public void HandedBack_IsCountedOnItsOwn_NotAsClosure()
    {
        var report = Report([Case(1, new DateOnly(2024, 5, 1), closed: new DateOnly(2024, 9, 1), handedBack: true), Case(2, new DateOnly(2024, 5, 1), closed: new DateOnly(2024, 9, 1))]);

        Assert.Equal([2], report.Cell(ReportRows.Closed, R6)!.CaseIds);
        Assert.Equal([1], report.Cell(ReportRows.HandedBack, R6)!.CaseIds);
    }

    [Fact]
    public void Plans_SeveralVersionsApprovedInOneYear_EachCounts_SplitByVersionAndKind()
    {
        var plans = new[]
        {
            new PlanFact(1, 1, PlanKind.WithConsent, new DateOnly(2024, 4, 1), false, false),
            new PlanFact(1, 2, PlanKind.WithConsent, new DateOnly(2024, 10, 1), false, false),
            new PlanFact(1, 3, PlanKind.WholeHousehold, new DateOnly(2025, 3, 31), false, false),
            new PlanFact(2, 1, PlanKind.WholeHousehold, new DateOnly(2024, 3, 31), false, false),
        };
        var report = Report([Case(1, new DateOnly(2024, 4, 1)), Case(2, new DateOnly(2024, 1, 1))], plans);

        Assert.Equal(3, Value(report, ReportRows.Plans, R6));
        Assert.Equal([1], report.Cell(ReportRows.Plans, R6)!.CaseIds);
        Assert.Equal(1, Value(report, "plans-first", R6));
        Assert.Equal(2, Value(report, "plans-replan", R6));
        Assert.Equal(2, Value(report, "plans-consent", R6));
        Assert.Equal(1, Value(report, "plans-household", R6));
        Assert.Equal(1, Value(report, ReportRows.Plans, R5));
    }

    [Fact]
    public void Categories_AreMultiCountedOverTheYearsNewCases_WithTheShareOfNew()
    {
        var report = Report([
            Case(1, new DateOnly(2024, 5, 1), categories: ["Hikikomori", "EightyFifty"]),
            Case(2, new DateOnly(2024, 6, 1), categories: ["Hikikomori"]),
            Case(3, new DateOnly(2024, 7, 1), categories: ["Poverty"]),
            Case(4, new DateOnly(2024, 7, 1), categories: ["Poverty"]),
        ]);

        var hikikomori = report.Cell($"category-{"Hikikomori"}", R6)!;
        Assert.Equal(2, hikikomori.Value);
        Assert.Equal(50.0m, hikikomori.Percent);
        Assert.Equal(25.0m, report.Cell($"category-{"EightyFifty"}", R6)!.Percent);
    }

    [Fact]
    public void Categories_ListOfEachYear_OldYearsKeepTheirNames_AddedAndRetiredOnesApplyOnlyInTheirYears()
    {
        var entries = BuiltIn();
        var illness = entries.Single(e => e.Code == "IllnessOrDisability");
        entries.Add(illness.RenameFrom(R6, "病気・障害", entries, Now));
        entries.Single(e => e.Code == "SchoolRefusal").RetireFrom(R6, Now);
        entries.Add(ConcernCategoryEntry.Add("SelfNeglect", "セルフネグレクト", R6, 13, entries, Now));
        var report = Report([Case(1, new DateOnly(2023, 5, 1), categories: ["IllnessOrDisability"]),
            Case(2, new DateOnly(2024, 5, 1), categories: ["IllnessOrDisability"])], categories: entries);

        var renamed = report.Line($"category-{"IllnessOrDisability"}")!;
        Assert.Equal("病気・障害", renamed.Row.Label);
        Assert.Contains("病気・障害等（平成11年度〜令和5年度）、病気・障害（令和6年度〜）", renamed.Row.Definition);
        Assert.Equal([1m, 1m], renamed.Cells.Select(c => c!.Value));
        Assert.Null(report.Cell($"category-{"SchoolRefusal"}", R6));
        Assert.Equal(0, Value(report, $"category-{"SchoolRefusal"}", R5));
        Assert.Null(report.Cell("category-SelfNeglect", R5));
        Assert.Equal(0, Value(report, "category-SelfNeglect", R6));
    }

    [Fact]
    public void RoutesAndFields_CountTheYearsNewCasesByTheirIntake()
    {
        var report = Report([
            Case(1, new DateOnly(2024, 5, 1), route: IntakeRoute.AgencyReferral, field: AgencyField.Poverty),
            Case(2, new DateOnly(2024, 5, 1), route: IntakeRoute.Counter),
            Case(3, new DateOnly(2023, 5, 1), route: IntakeRoute.AgencyReferral, field: AgencyField.Poverty),
        ]);

        Assert.Equal([1], report.Cell($"route-{IntakeRoute.AgencyReferral}", R6)!.CaseIds);
        Assert.Equal([1], report.Cell($"field-{AgencyField.Poverty}", R6)!.CaseIds);
        Assert.Equal([2], report.Cell("field-none", R6)!.CaseIds);
    }

    [Fact]
    public void Meetings_HeldOnesPerKindAndCadence_CasesDiscussed_AveragePerRegularSession()
    {
        var meetings = new[]
        {
            new MeetingFact(1, MeetingKind.MultiLayered, MeetingCadence.Regular, new DateOnly(2024, 4, 1), [1, 2, 3]),
            new MeetingFact(2, MeetingKind.MultiLayered, MeetingCadence.Regular, new DateOnly(2025, 3, 31), [1, 2]),
            new MeetingFact(3, MeetingKind.Support, MeetingCadence.AdHoc, new DateOnly(2024, 8, 1), [4]),
            new MeetingFact(4, MeetingKind.MultiLayered, MeetingCadence.Regular, new DateOnly(2024, 3, 31), [1]),
        };
        var report = Report([], meetings: meetings);

        Assert.Equal(3, Value(report, ReportRows.MeetingsHeld, R6));
        Assert.Equal(2, Value(report, ReportRows.MultiLayeredMeetings, R6));
        Assert.Equal(1, Value(report, $"meetings-{MeetingKind.Support}-{MeetingCadence.AdHoc}", R6));
        Assert.Equal(6, Value(report, "meetings-cases", R6));
        Assert.Equal(2.5m, Value(report, ReportRows.AveragePerRegular, R6));
        Assert.Equal(1, Value(report, ReportRows.MeetingsHeld, R5));
    }

    [Fact]
    public void Meetings_ScheduledButNotYetHeld_AreNotCounted()
    {
        var report = Report([], meetings: [new MeetingFact(1, MeetingKind.MultiLayered, MeetingCadence.Regular, new DateOnly(2024, 12, 1), [1])],
            asOf: new DateOnly(2024, 11, 30));

        Assert.Equal(0, Value(report, ReportRows.MeetingsHeld, R6));
        Assert.Equal(0, Value(report, ReportRows.AveragePerRegular, R6));
    }

    [Fact]
    public void Monitoring_DoneOnTheDueDateIsOnTime_TheDayAfterIsLate_CountedInTheYearItWasDone()
    {
        var reviews = new[]
        {
            new MonitoringFact(1, new DateOnly(2024, 3, 31), new DateOnly(2024, 3, 31)),
            new MonitoringFact(1, new DateOnly(2024, 3, 31), new DateOnly(2024, 4, 1)),
            new MonitoringFact(2, null, new DateOnly(2024, 6, 1)),
        };
        var report = Report([], reviews: reviews);

        Assert.Equal(1, Value(report, "monitoring-on-time", R5));
        Assert.Equal(1, Value(report, "monitoring-late", R6));
        Assert.Equal(1, Value(report, "monitoring-on-time", R6));
    }

    [Fact]
    public void Programs_CountHandledCasesInWhichAnAgencyCarryingTheProgramTakesPart()
    {
        var programs = new Dictionary<int, SupportProgram> { [10] = SupportProgram.Outreach | SupportProgram.Participation, [11] = SupportProgram.ComprehensiveConsultation };
        var report = Report([Case(1, new DateOnly(2024, 5, 1), agencies: [10]), Case(2, new DateOnly(2024, 5, 1), agencies: [10, 11])], programs: programs);

        Assert.Equal(2, Value(report, $"program-{SupportProgram.Outreach}", R6));
        Assert.Equal([2], report.Cell($"program-{SupportProgram.ComprehensiveConsultation}", R6)!.CaseIds);
        Assert.Equal(0, Value(report, $"program-{SupportProgram.MultiAgency}", R6));
    }

    [Fact]
    public void NewHandledClosed_OfALedgerLikeTachikawasTable_ReproduceItsPublishedFigures()
    {
        // 立川市 R2–R6 (domain.md), used as test data: 対応件数 = last year's 対応 − last year's 終結 + this year's 新規.
        int[] published = [72, 56, 66, 43, 52];
        int[] closedPublished = [21, 24, 31, 20, 77];
        var open = new List<(int Id, DateOnly Intake)>();
        var cases = new List<CaseFact>();
        var id = 0;
        for (var y = 0; y < 5; y++)
        {
            var year = new FiscalYear(2020 + y);
            open.AddRange(Enumerable.Range(0, published[y]).Select(i => (++id, year.FirstDay.AddDays(i % 180))));
            var closing = open.Take(closedPublished[y]).ToList();
            open.RemoveRange(0, closing.Count);
            cases.AddRange(closing.Select(c => Case(c.Id, c.Intake, closed: year.LastDay.AddDays(-40))));
        }
        cases.AddRange(open.Select(c => Case(c.Id, c.Intake)));
        var years = YearlyReport.Range(new FiscalYear(2020), new FiscalYear(2024));

        var report = YearlyReport.Compute(new ReportFacts(new DateOnly(2026, 11, 23), cases, [], [], [], new Dictionary<int, SupportProgram>()), years, BuiltIn());

        Assert.Equal(published.Select(v => (decimal)v), report.Line(ReportRows.New)!.Cells.Select(c => c!.Value));
        Assert.Equal(new decimal[] { 72, 107, 149, 161, 193 }, report.Line(ReportRows.Handled)!.Cells.Select(c => c!.Value));
        Assert.Equal(closedPublished.Select(v => (decimal)v), report.Line(ReportRows.Closed)!.Cells.Select(c => c!.Value));
    }

    [Fact]
    public void Range_MoreThanTenYearsOrReversed_IsRefusedWithAMessage()
    {
        Assert.Contains("10年度以内", Assert.Throws<DomainException>(() => YearlyReport.Range(new FiscalYear(2014), new FiscalYear(2024))).Message);
        Assert.Contains("開始年度は終了年度以前", Assert.Throws<DomainException>(() => YearlyReport.Range(R6, R5)).Message);
        Assert.Equal(10, YearlyReport.Range(new FiscalYear(2015), new FiscalYear(2024)).Count);
    }

    [Fact]
    public void EveryRow_HasItsOwnKey_SoEachMeetingKindsFigureAndDrillDownAreItsOwn()
    {
        var report = Report([Case(1, new DateOnly(2024, 5, 1))], meetings:
        [
            new MeetingFact(1, MeetingKind.Support, MeetingCadence.AdHoc, new DateOnly(2024, 8, 1), [1]),
            new MeetingFact(2, MeetingKind.OutreachReview, MeetingCadence.Regular, new DateOnly(2024, 9, 1), []),
        ]);

        Assert.Equal(report.Lines.Count, report.Lines.Select(l => l.Row.Key).Distinct().Count());
        Assert.Equal(1, Value(report, ReportRows.SupportMeetings, R6));
        Assert.Equal(1, Value(report, $"meetings-{MeetingKind.OutreachReview}", R6));
        Assert.Equal([1], report.Cell(ReportRows.SupportMeetings, R6)!.CaseIds);
    }
}
