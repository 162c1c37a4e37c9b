using Juso.Domain.Auditing;
using Juso.Domain.Ledger;
using Juso.Portal.Common;
using Juso.Portal.Features.Import;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Import;

/// <summary>Unknown agencies and categories of a ledger, mapped or created from the import page, through the real service on SQLite.</summary>
public sealed class LedgerValueMappingTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private int _eastId;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _eastId = (await _harness.AddAgencyAsync("東部地域包括支援センター")).Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<(LedgerUpload Upload, LedgerPreview Preview)> RunAsync(System.Security.Claims.ClaimsPrincipal user, byte[] content, bool commit, params LedgerValueChoice[] values)
    {
        await using var scope = _harness.As(user);
        var service = _harness.Get<LedgerImportService>(scope);
        var upload = await service.ReadAsync(content, "台帳.csv");
        return (upload, commit ? await service.CommitAsync(upload, upload.Proposed, values) : await service.PreviewAsync(upload, upload.Proposed, values));
    }

    private static byte[] Ledger(params string[] rows) => Ledgers.Utf8([Ledgers.TemplateHeadings, .. rows]);

    [Fact]
    public async Task Commit_UnknownAgencyMappedByACoordinator_CaseUsesTheChosenAgency_MappingRememberedAndAudited()
    {
        var ledger = Ledger(Ledgers.Row("M-1", "2024/4/1", referring: "東部包括"), Ledgers.Row("M-2", "2024/4/2", referring: "東部 包括"));
        var (_, before) = await RunAsync(TestUsers.Coordinator(), ledger, commit: false);
        var unknown = Assert.Single(before.Unknowns);
        Assert.Equal((LedgerValueKind.Agency, "東部包括", "紹介元機関"), (unknown.Kind, unknown.Value, unknown.Columns));
        Assert.Equal([2, 3], unknown.Rows);
        Assert.Contains(before.Problems, p => p.Row == 2 && p.Column == "紹介元機関" && p.Message.Contains("登録されていません"));

        var (upload, committed) = await RunAsync(TestUsers.Coordinator(), ledger, commit: true,
            LedgerValueChoice.MapTo(LedgerValueKind.Agency, "東部包括", _eastId.ToString()));

        Assert.False(upload.MayCreateMasters);
        Assert.True(committed.Saved, string.Join(" / ", committed.Problems.Select(p => p.Message)));
        await using var db = _harness.NewContext();
        Assert.All(await db.Cases.ToListAsync(), c => Assert.Equal(_eastId, c.ReferringAgencyId));
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == AuditAction.LedgerValueMapped).Select(a => a.Detail).ToListAsync(),
            d => d == "機関「東部包括」→「東部地域包括支援センター」（台帳.csv）");

        // The next ledger saying the same needs no choice.
        var (_, next) = await RunAsync(TestUsers.Coordinator(), Ledger(Ledgers.Row("M-3", "2024/5/1", referring: "東部包括")), commit: false);
        Assert.Empty(next.Unknowns);
        Assert.True(next.CanCommit, string.Join(" / ", next.Problems.Select(p => p.Message)));
    }

    [Fact]
    public async Task PreviewThenCommit_AdministratorCreatesAgencyAndCategory_NothingBeforeTheCommit_CategoryValidFromTheLedgersFirstYear()
    {
        var ledger = Ledger(Ledgers.Row("N-1", "平成27年4月1日", categories: "宇宙、ひきこもり", referring: "ひばり野ふくし窓口"), Ledgers.Row("N-2", "2024/4/1", categories: "宇宙"));
        LedgerValueChoice[] values = [LedgerValueChoice.New(LedgerValueKind.Agency, "ひばり野ふくし窓口"), LedgerValueChoice.New(LedgerValueKind.Category, "宇宙")];

        var (upload, preview) = await RunAsync(TestUsers.Administrator(), ledger, commit: false, values);

        Assert.True(upload.MayCreateMasters);
        Assert.True(preview.CanCommit, string.Join(" / ", preview.Problems.Select(p => p.Message)));
        Assert.Equal(["機関「ひばり野ふくし窓口」（分野: その他、直営）", "相談分類「宇宙」（分類コード ledger-1、平成27年度から）"], preview.Creations);
        await using (var db = _harness.NewContext())
        {
            Assert.False(await db.Agencies.AnyAsync(a => a.Name == "ひばり野ふくし窓口"));
            Assert.False(await db.ConcernCategories.AnyAsync(c => c.Name == "宇宙"));
        }

        var (_, committed) = await RunAsync(TestUsers.Administrator(), ledger, commit: true, values);

        Assert.True(committed.Saved, string.Join(" / ", committed.Problems.Select(p => p.Message)));
        await using var after = _harness.NewContext();
        var agency = await after.Agencies.SingleAsync(a => a.Name == "ひばり野ふくし窓口");
        var category = await after.ConcernCategories.SingleAsync(c => c.Name == "宇宙");
        Assert.Equal(("ledger-1", 2015, (int?)null), (category.Code, category.FromYear, category.UntilYear));
        var cases = await after.Cases.Include(c => c.Concerns).OrderBy(c => c.IntakeDate).ToListAsync();
        Assert.All(cases, c => Assert.Contains(c.Concerns, x => x.Category == "ledger-1"));
        Assert.Equal(agency.Id, cases[0].ReferringAgencyId);
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Action == AuditAction.AgencyCreated && a.Detail!.Contains("ひばり野ふくし窓口")));
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Action == AuditAction.ConcernCategoryChanged && a.Detail!.Contains("追加: 宇宙")));
    }

    [Fact]
    public async Task PreviewAndCommit_CoordinatorAsksToCreateAnAgency_AreRefused_NothingCreated()
    {
        var ledger = Ledger(Ledgers.Row("P-1", "2024/4/1", referring: "新設センター"));
        var create = LedgerValueChoice.New(LedgerValueKind.Agency, "新設センター");

        await Assert.ThrowsAsync<AccessDeniedException>(() => RunAsync(TestUsers.Coordinator(), ledger, commit: false, create));
        await Assert.ThrowsAsync<AccessDeniedException>(() => RunAsync(TestUsers.Coordinator(), ledger, commit: true, create));

        await using var db = _harness.NewContext();
        Assert.False(await db.Agencies.AnyAsync(a => a.Name == "新設センター"));
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.AccessDenied && a.Detail == "台帳の取り込みでのマスタ登録"));
    }

    [Fact]
    public async Task Commit_AnotherRowHasAProblem_CreatesNoAgencyNoCategoryAndRemembersNothing()
    {
        var ledger = Ledger(Ledgers.Row("Q-1", "2024/4/1", categories: "宇宙", referring: "新設センター"), Ledgers.Row("Q-2", "令和5年2月30日", referring: "東部包括"));

        var (_, result) = await RunAsync(TestUsers.Administrator(), ledger, commit: true, LedgerValueChoice.New(LedgerValueKind.Agency, "新設センター"),
            LedgerValueChoice.New(LedgerValueKind.Category, "宇宙"), LedgerValueChoice.MapTo(LedgerValueKind.Agency, "東部包括", _eastId.ToString()));

        Assert.False(result.Saved);
        Assert.Contains(result.Problems, p => p.Row == 3 && p.Column == "受付日" && p.Message.Contains("2月は28日まで"));
        // The page keeps offering the choices: the values still count as unknown.
        Assert.Equal(["新設センター", "東部包括", "宇宙"], result.Unknowns.Select(u => u.Value));
        await using var db = _harness.NewContext();
        Assert.False(await db.Agencies.AnyAsync(a => a.Name == "新設センター"));
        Assert.False(await db.ConcernCategories.AnyAsync(c => c.Name == "宇宙"));
        Assert.Equal(0, await db.LedgerValueMappings.CountAsync());
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task Preview_MappedToAnAgencyThatDoesNotExist_SaysSoInJapanese()
    {
        var (_, preview) = await RunAsync(TestUsers.Coordinator(), Ledger(Ledgers.Row("R-1", "2024/4/1", referring: "東部包括")), commit: false,
            LedgerValueChoice.MapTo(LedgerValueKind.Agency, "東部包括", "999999"));

        Assert.False(preview.CanCommit);
        Assert.Contains(preview.Problems, p => p.Row == 0 && p.Column == "機関" && p.Message.Contains("「東部包括」の対応づけ先が見つかりません"));
    }

    [Fact]
    public async Task Preview_TheSampleLedgerWithUnknowns_ListsItsUnknownAgenciesAndCategoryWithTheirRows()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Juso.sln")))
        {
            root = root.Parent!;
        }
        var content = await File.ReadAllBytesAsync(Path.Combine(root.FullName, "docs", "samples", "ledger-sample-unknowns.csv"));

        var (_, preview) = await RunAsync(TestUsers.Administrator(), content, commit: false);

        Assert.Equal([(LedgerValueKind.Agency, "東部包括", "2"), (LedgerValueKind.Agency, "ひばり野市社協", "3"), (LedgerValueKind.Category, "ゲーム依存", "2,3")],
            preview.Unknowns.Select(u => (u.Kind, u.Value, string.Join(",", u.Rows))));
    }
}
