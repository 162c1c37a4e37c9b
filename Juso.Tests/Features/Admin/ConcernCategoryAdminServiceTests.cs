using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Portal.Common;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Reports;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Admin;

/// <summary>The 相談分類 master data from the administrator's page to intake, the case page and the report, on SQLite.</summary>
public sealed class ConcernCategoryAdminServiceTests : IAsyncLifetime
{
    private static readonly FiscalYear R7 = new(2025);
    private static readonly FiscalYear R8 = new(2026);
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<SaveResult> AsAdministratorAsync(Func<ConcernCategoryAdminService, string, Task<SaveResult>> change, FiscalYear year)
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var service = _harness.Get<ConcernCategoryAdminService>(scope);
        return await change(service, (await service.ListAsync(year)).Stamp);
    }

    private async Task<int> OpenCaseAsync(DateTime intakeDate, params string[] categories)
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var form = IntakeForms.Valid(intakeDate: intakeDate);
        form.Concerns = [.. categories];
        form.Consent.Date = intakeDate;
        var opened = await _harness.Get<IntakeService>(scope).OpenCaseAsync(form);
        Assert.True(opened.Succeeded, string.Join(" ", opened.Errors.Select(e => e.Message)));
        return opened.Id;
    }

    [Fact]
    public async Task Add_FromThisYear_IsOfferedAtIntake_CanBeChosen_AndTheReportCountsIt()
    {
        var added = await AsAdministratorAsync((s, stamp) => s.AddAsync(R8, stamp, new CategoryForm { Code = "SelfNeglect", Name = "セルフネグレクト" }), R8);
        Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Message)));

        await using (var scope = _harness.As(TestUsers.Coordinator()))
        {
            var cases = _harness.Get<CaseService>(scope);
            Assert.Equal("セルフネグレクト", (await cases.CategoryOptionsAsync(R8))[^1].Name);
            Assert.DoesNotContain(await cases.CategoryOptionsAsync(R7), c => c.Code == "SelfNeglect");
        }
        var caseId = await OpenCaseAsync(new DateTime(2026, 11, 20), "SelfNeglect", "Hikikomori");

        await using var reader = _harness.As(TestUsers.Coordinator());
        Assert.Equal(["ひきこもり", "セルフネグレクト"], (await _harness.Get<CaseService>(reader).GetAsync(caseId))!.Categories);
        var report = (await _harness.Get<ReportService>(reader).ReportAsync(R7, R8)).Report;
        Assert.Equal(1, report.Cell("category-SelfNeglect", R8)!.Value);
        // Not yet a category in 令和7年度: no figure, not a zero.
        Assert.Null(report.Cell("category-SelfNeglect", R7));
        await using var db = _harness.NewContext();
        Assert.Equal("追加: セルフネグレクト（SelfNeglect、令和8年度から）",
            (await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ConcernCategoryChanged)).Detail);
    }

    [Fact]
    public async Task Rename_InTheYearTheCategoryStarted_CorrectsTheTypoForItsCasesAndIsAudited()
    {
        Assert.True((await AsAdministratorAsync((s, stamp) => s.AddAsync(R8, stamp, new CategoryForm { Code = "SelfNeglect", Name = "セルフネグクレト" }), R8)).Succeeded);
        var caseId = await OpenCaseAsync(new DateTime(2026, 11, 20), "SelfNeglect");
        var typo = (await AsListAsync(R8)).Rows.Single(e => e.Code == "SelfNeglect");

        var renamed = await AsAdministratorAsync((s, stamp) => s.RenameAsync(R8, stamp, typo.Id, "セルフネグレクト"), R8);

        Assert.True(renamed.Succeeded, string.Join(" ", renamed.Errors.Select(e => e.Message)));
        var row = (await AsListAsync(R8)).Rows.Single(e => e.Code == "SelfNeglect");
        Assert.Equal((typo.Id, "セルフネグレクト", 2026), (row.Id, row.Name, row.FromYear));
        await using (var scope = _harness.As(TestUsers.Coordinator()))
        {
            Assert.Equal(["セルフネグレクト"], (await _harness.Get<CaseService>(scope).GetAsync(caseId))!.Categories);
        }
        await using var db = _harness.NewContext();
        Assert.Equal(1, await db.ConcernCategories.CountAsync(e => e.Code == "SelfNeglect"));
        Assert.Contains("名称訂正: セルフネグクレト → セルフネグレクト（SelfNeglect、令和8年度に使用開始）",
            await db.AuditEntries.Where(a => a.Action == AuditAction.ConcernCategoryChanged).Select(a => a.Detail).ToListAsync());
    }

    [Fact]
    public async Task RetireAndRename_FromThisYear_OldCasesKeepTheirCategoriesUnderTheNamesOfTheirYear()
    {
        var oldCase = await OpenCaseAsync(new DateTime(2025, 6, 2), "SchoolRefusal", "IllnessOrDisability");
        var entries = (await AsListAsync(R8)).Rows;

        Assert.True((await AsAdministratorAsync((s, stamp) => s.RetireAsync(R8, stamp, entries.Single(e => e.Code == "SchoolRefusal").Id), R8)).Succeeded);
        Assert.True((await AsAdministratorAsync((s, stamp) => s.RenameAsync(R8, stamp, entries.Single(e => e.Code == "IllnessOrDisability").Id, "病気・障害"), R8)).Succeeded);

        await using var scope = _harness.As(TestUsers.Coordinator());
        Assert.Equal(["病気・障害等", "不登校"], (await _harness.Get<CaseService>(scope).GetAsync(oldCase))!.Categories);
        var offered = await _harness.Get<CaseService>(scope).CategoryOptionsAsync(R8);
        Assert.DoesNotContain(offered, c => c.Code == "SchoolRefusal");
        Assert.Contains(offered, c => c.Name == "病気・障害");
        var list = await AsListAsync(R8);
        Assert.Equal("不登校", Assert.Single(list.Retired).Name);
    }

    [Fact]
    public async Task ReviseConcerns_OfAnOldCase_OffersItsYearsCategories_AndAStaleVersionIsAConflict()
    {
        var oldCase = await OpenCaseAsync(new DateTime(2025, 6, 2), "SchoolRefusal");
        var entries = (await AsListAsync(R8)).Rows;
        await AsAdministratorAsync((s, stamp) => s.RetireAsync(R8, stamp, entries.Single(e => e.Code == "SchoolRefusal").Id), R8);

        await using var scope = _harness.As(TestUsers.Coordinator());
        var cases = _harness.Get<CaseService>(scope);
        var seen = (await cases.GetAsync(oldCase))!;
        Assert.Contains(await cases.CategoryOptionsAsync(new FiscalYear(seen.FiscalYear)), c => c.Code == "SchoolRefusal");
        var revised = await cases.ReviseConcernsAsync(oldCase, seen.Version, ["SchoolRefusal", "Poverty"]);
        var stale = await cases.ReviseConcernsAsync(oldCase, seen.Version, ["Other"]);

        Assert.True(revised.Succeeded, string.Join(" ", revised.Errors.Select(e => e.Message)));
        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal(["不登校", "生活困窮"], (await cases.GetAsync(oldCase))!.Categories);
    }

    [Fact]
    public async Task Intake_WithACategoryRetiredBeforeItsYear_IsRefusedWithTheCategorysName()
    {
        var entries = (await AsListAsync(R8)).Rows;
        await AsAdministratorAsync((s, stamp) => s.RetireAsync(R8, stamp, entries.Single(e => e.Code == "SchoolRefusal").Id), R8);

        await using var scope = _harness.As(TestUsers.Coordinator());
        var form = IntakeForms.Valid();
        form.Concerns = ["SchoolRefusal"];
        var result = await _harness.Get<IntakeService>(scope).OpenCaseAsync(form);

        Assert.Equal("相談分類「不登校」は令和8年度には使えません。選び直してください。", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Move_FromAListSomeoneElseChangedSince_IsAConflict_AndChangesNothing()
    {
        var seen = await AsListAsync(R8);
        Assert.True((await AsAdministratorAsync((s, stamp) => s.MoveAsync(R8, stamp, seen.Rows[1].Id, -1), R8)).Succeeded);

        await using var scope = _harness.As(TestUsers.Administrator());
        var stale = await _harness.Get<ConcernCategoryAdminService>(scope).MoveAsync(R8, seen.Stamp, seen.Rows[1].Id, 1);

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal(["8050", "ひきこもり"], (await AsListAsync(R8)).Rows.Take(2).Select(r => r.Name));
    }

    [Fact]
    public async Task List_NonAdministrator_IsRefused()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());

        await Assert.ThrowsAsync<AccessDeniedException>(() => _harness.Get<ConcernCategoryAdminService>(scope).ListAsync(R8));
    }

    [Fact]
    public async Task MigratedDatabase_EveryValueCasesStoredBeforeTheMasterData_IsACodeOfIt_SoNoConcernIsLost()
    {
        // What the enum wrote into CaseConcerns.Category (its member names) before cases stored the master data's code.
        string[] formerValues = ["Hikikomori", "EightyFifty", "YoungCarer", "DoubleCare", "IllnessOrDisability", "Unemployment",
            "SchoolRefusal", "ElderlyCare", "Children", "Disability", "Poverty", "Other"];
        var caseId = await OpenCaseAsync(new DateTime(2026, 11, 20), "Hikikomori");
        await using (var db = _harness.NewContext())
        {
            Assert.Equal(formerValues.Order(), (await db.ConcernCategories.Where(e => e.FromYear <= 2000 && e.UntilYear == null).Select(e => e.Code).ToListAsync()).Order());
            // A row as the enum-era code wrote it: read back as that code, named by the master.
            await db.Database.ExecuteSqlAsync($"INSERT INTO CaseConcerns (SupportCaseId, Category) VALUES ({caseId}, {"YoungCarer"})");
        }

        await using var scope = _harness.As(TestUsers.Coordinator());
        Assert.Equal(["ひきこもり", "ヤングケアラー"], (await _harness.Get<CaseService>(scope).GetAsync(caseId))!.Categories);
    }

    private async Task<CategoryYearList> AsListAsync(FiscalYear year)
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        return await _harness.Get<ConcernCategoryAdminService>(scope).ListAsync(year);
    }
}
