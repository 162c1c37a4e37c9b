using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Statistics;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Reports;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Juso.Tests.Features.Reports;

/// <summary>The closed 年度 the report keeps (ADR 0026): the same figures as counting again, and a late edit shows at once.</summary>
public sealed class ReportYearCacheTests : IAsyncLifetime
{
    private static readonly FiscalYear R8 = new(2026);
    private static readonly FiscalYear R9 = new(2027);
    private PortalHarness _harness = default!;
    private int _agencyA;
    private int _agencyB;
    private int _caseOfA;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _agencyA = (await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly)).Id;
        _agencyB = (await _harness.AddAgencyAsync("こども家庭センター", AgencyField.Children)).Id;
        _caseOfA = await OpenAsync(_agencyA, "山田", "ヤマダ");
        await OpenAsync(_agencyB, "佐藤", "サトウ");
        // 令和9年度 has begun: 令和8年度 is closed and may be kept.
        _harness.Time.Advance(TimeSpan.FromDays(170));
        await OpenAsync(_agencyA, "鈴木", "スズキ", new DateTime(2027, 5, 10));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<int> OpenAsync(int agencyId, string family, string kana, DateTime? intake = null)
    {
        await using var scope = _harness.As(TestUsers.MemberOf(agencyId));
        var form = IntakeForms.Valid(intake, family: family, familyKana: kana);
        form.Consent.Date = intake ?? form.Consent.Date;
        var opened = await _harness.Get<IntakeService>(scope).OpenCaseAsync(form);
        Assert.True(opened.Succeeded, string.Join(" ", opened.Errors.Select(e => e.Message)));
        return opened.Id;
    }

    private async Task<YearlyReport> ReportAsync(System.Security.Claims.ClaimsPrincipal user)
    {
        await using var scope = _harness.As(user);
        return (await _harness.Get<ReportService>(scope).ReportAsync(R8, R9)).Report;
    }

    [Fact]
    public async Task ClosedYear_ShownAgain_HasTheSameFiguresAsCountedFromTheData()
    {
        var counted = await ReportAsync(TestUsers.Coordinator());
        Assert.NotNull(_harness.Services.GetRequiredService<ReportYearCache>().Find(null, R8));

        var kept = await ReportAsync(TestUsers.Coordinator());

        Assert.Equal(2, kept.Cell(ReportRows.New, R8)!.Value);
        Assert.Equal(3, kept.Cell(ReportRows.Handled, R9)!.Value);
        Assert.Equal(Cells(counted), Cells(kept));
    }

    [Fact]
    public async Task ClosedYear_LateEditOfItsCase_ShowsInTheNextReport()
    {
        var before = await ReportAsync(TestUsers.MemberOf(_agencyB));
        Assert.Equal(1, before.Cell(ReportRows.New, R8)!.Value);

        // A late correction: agency B also took part in a case taken in 令和8年度.
        await using (var db = _harness.NewContext())
        {
            var supportCase = await db.Cases.Include(c => c.Agencies).SingleAsync(c => c.Id == _caseOfA);
            supportCase.InvolveAgency(await db.Agencies.SingleAsync(a => a.Id == _agencyB), new Actor("u-coordinator", "中川 浩二"), _harness.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var after = await ReportAsync(TestUsers.MemberOf(_agencyB));
        Assert.Equal(2, after.Cell(ReportRows.New, R8)!.Value);
        Assert.Contains(_caseOfA, after.Cell(ReportRows.New, R8)!.CaseIds);
    }

    [Fact]
    public async Task ClosedYear_EditThatDoesNotCount_KeepsTheYear_AndTheCurrentYearIsNeverKept()
    {
        await ReportAsync(TestUsers.Coordinator());
        var cache = _harness.Services.GetRequiredService<ReportYearCache>();

        await using (var db = _harness.NewContext())
        {
            var supportCase = await db.Cases.SingleAsync(c => c.Id == _caseOfA);
            supportCase.NotePlanChange("支援方針を見直した", new Actor("u-coordinator", "中川 浩二"), _harness.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        Assert.NotNull(cache.Find(null, R8));
        Assert.Null(cache.Find(null, R9));
    }

    [Fact]
    public async Task AfterStart_ClosedYearsAreCountedInTheBackground_AndTheFirstReportShowsTheSameFigures()
    {
        var cache = _harness.Services.GetRequiredService<ReportYearCache>();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        using var warmUp = new ReportWarmUp(_harness.Services.GetRequiredService<IServiceScopeFactory>(), lifetime, NullLogger<ReportWarmUp>.Instance);

        await warmUp.StartAsync(CancellationToken.None);
        Assert.Null(cache.Find(null, R8));
        lifetime.NotifyStarted();
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(cache.Find(null, R8));
        Assert.Null(cache.Find(null, R9));
        var first = await ReportAsync(TestUsers.Coordinator());
        cache.Invalidate(int.MinValue);
        var counted = await ReportAsync(TestUsers.Coordinator());
        Assert.Equal(2, first.Cell(ReportRows.New, R8)!.Value);
        Assert.Equal(Cells(counted), Cells(first));
    }

    [Fact]
    public void Column_CountedBeforeAChange_IsNotKept()
    {
        var cache = new ReportYearCache();
        var generation = cache.Generation;

        cache.Invalidate(R9.StartYear);
        cache.Keep(null, R8, new Dictionary<string, Figure?>(), generation);

        Assert.Null(cache.Find(null, R8));
    }

    private static List<(string, decimal?, decimal?, string)> Cells(YearlyReport report) =>
        report.Lines.SelectMany(l => l.Cells.Select(c => (l.Row.Key, c?.Value, c?.Percent, c is null ? string.Empty : string.Join(",", c.CaseIds.Order())))).ToList();
}
