using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Statistics;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Reports;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Reports;

/// <summary>Who sees which figures and which cases behind them, on SQLite through the real services.</summary>
public sealed class ReportServiceTests : IAsyncLifetime
{
    private static readonly FiscalYear R8 = new(2026);
    private PortalHarness _harness = default!;
    private int _agencyA;
    private int _agencyB;
    private int _caseOfA;
    private int _caseOfB;
    private int _caseOfBInvolvingA;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _agencyA = (await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly)).Id;
        _agencyB = (await _harness.AddAgencyAsync("こども家庭センター", AgencyField.Children)).Id;
        _caseOfA = await OpenAsync(_agencyA, "山田", "ヤマダ", consent: true);
        _caseOfB = await OpenAsync(_agencyB, "佐藤", "サトウ", consent: true);
        // Without consent, an agency that only takes part (not lead, not intake) may not read the case (R2).
        _caseOfBInvolvingA = await OpenAsync(_agencyB, "鈴木", "スズキ", consent: false);
        await using var db = _harness.NewContext();
        var supportCase = await db.Cases.Include(c => c.Agencies).SingleAsync(c => c.Id == _caseOfBInvolvingA);
        supportCase.InvolveAgency(await db.Agencies.SingleAsync(a => a.Id == _agencyA), new Actor("u-coordinator", "中川 浩二"), _harness.Time.GetUtcNow());
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<int> OpenAsync(int agencyId, string family, string kana, bool consent)
    {
        await using var scope = _harness.As(TestUsers.MemberOf(agencyId));
        var form = IntakeForms.Valid(family: family, familyKana: kana);
        if (!consent)
        {
            form.Consent = new ConsentForm { Status = ConsentStatus.NotObtained, Date = new DateTime(2026, 11, 20), Note = "本人と会えていない" };
        }
        var opened = await _harness.Get<IntakeService>(scope).OpenCaseAsync(form);
        Assert.True(opened.Succeeded, string.Join(" ", opened.Errors.Select(e => e.Message)));
        return opened.Id;
    }

    [Fact]
    public async Task Report_Coordinator_SeesEveryAgencysFigures_AndTheViewIsAudited()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());

        var view = await _harness.Get<ReportService>(scope).ReportAsync(R8, R8);

        Assert.Equal("全機関", view.ScopeLabel);
        Assert.Equal(3, view.Report.Cell(ReportRows.New, R8)!.Value);
        Assert.Equal(100.0m, view.Report.Cell($"category-{"Hikikomori"}", R8)!.Percent);
        await using var db = _harness.NewContext();
        Assert.Equal("令和8年度（全機関）", (await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ReportViewed)).Detail);
    }

    [Fact]
    public async Task Report_AgencyMember_SeesOnlyTheCasesItsAgencyTakesPartIn_AndNoIndicators()
    {
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyA));

        var view = await _harness.Get<ReportService>(scope).ReportAsync(R8, R8);

        Assert.Equal("東部地域包括支援センターが関わるケース", view.ScopeLabel);
        Assert.Equal([_caseOfA, _caseOfBInvolvingA], view.Report.Cell(ReportRows.New, R8)!.CaseIds.Order());
        Assert.Empty(view.Indicators);
    }

    [Fact]
    public async Task DrillDown_ListsOnlyReadableCases_AndCountsTheOthers()
    {
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyA));

        var drill = await _harness.Get<ReportService>(scope).DrillDownAsync(ReportRows.New, R8);

        Assert.NotNull(drill);
        Assert.Equal(2, drill.Value);
        Assert.Equal([_caseOfA], drill.Cases.Select(c => c.CaseId));
        Assert.Equal("山田\u3000一郎", drill.Cases[0].PrincipalName);
        Assert.Equal(1, drill.HiddenCount);
        await using var db = _harness.NewContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.CaseListViewed);
        Assert.Equal(_caseOfA, audit.CaseId);
        Assert.Contains("閲覧権限のないケース1件", audit.Detail);
    }

    [Fact]
    public async Task DrillDown_Coordinator_ListsEveryCaseBehindTheFigure()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());

        var drill = await _harness.Get<ReportService>(scope).DrillDownAsync(ReportRows.Handled, R8);

        Assert.Equal([_caseOfA, _caseOfB, _caseOfBInvolvingA], drill!.Cases.Select(c => c.CaseId).Order());
        Assert.Equal(0, drill.HiddenCount);
    }

    [Fact]
    public async Task Report_Administrator_IsRefused()
    {
        await using var scope = _harness.As(TestUsers.Administrator());

        await Assert.ThrowsAsync<AccessDeniedException>(() => _harness.Get<ReportService>(scope).ReportAsync(R8, R8));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _harness.Get<ReportExportService>(scope).CsvAsync(R8, R8));
    }

    [Fact]
    public async Task Targets_SavedByAnAdministrator_ShowAgainstActuals()
    {
        await using (var admin = _harness.As(TestUsers.Administrator()))
        {
            var service = _harness.Get<IndicatorTargetsService>(admin);
            var form = await service.GetAsync(R8);
            form.Values[Indicator.NewIntakes] = 4;
            form.Values[Indicator.OutreachFound] = 40;
            Assert.True((await service.SaveAsync(form)).Succeeded);
        }
        await using var scope = _harness.As(TestUsers.Chair());

        var view = await _harness.Get<ReportService>(scope).ReportAsync(R8, R8);

        var newIntakes = view.Indicators.Single(i => i.Definition.Indicator == Indicator.NewIntakes).Cells.Single();
        Assert.Equal((4m, 3m, false, 75.0m), (newIntakes.Target!.Value, newIntakes.Actual!.Value, newIntakes.Achieved!.Value, newIntakes.Rate!.Value));
        var outreach = view.Indicators.Single(i => i.Definition.Indicator == Indicator.OutreachFound).Cells.Single();
        Assert.Equal((40m, 0m, false, 0m), (outreach.Target!.Value, outreach.Actual!.Value, outreach.Achieved!.Value, outreach.Rate!.Value));
    }

    [Fact]
    public async Task Targets_SavedFromAStaleForm_AreAConflict_NotAnOverwrite()
    {
        await using var admin = _harness.As(TestUsers.Administrator());
        var service = _harness.Get<IndicatorTargetsService>(admin);
        var first = await service.GetAsync(R8);
        var second = await service.GetAsync(R8);
        first.Values[Indicator.MeetingsHeld] = 6;
        Assert.True((await service.SaveAsync(first)).Succeeded);
        second.Values[Indicator.MeetingsHeld] = 12;

        var result = await service.SaveAsync(second);

        Assert.Equal(SaveStatus.Conflict, result.Status);
        Assert.Equal(6, (await service.GetAsync(R8)).Values[Indicator.MeetingsHeld]);
    }
}
