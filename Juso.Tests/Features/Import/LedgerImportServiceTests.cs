using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Ledger;
using Juso.Domain.Statistics;
using Juso.Portal.Common;
using Juso.Portal.Features.Import;
using Juso.Portal.Features.Reports;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Import;

/// <summary>台帳の取り込み through the real service on SQLite: the published figures come back, all or nothing, re-import, encodings.</summary>
public sealed class LedgerImportServiceTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        await _harness.AddAgencyAsync("東部地域包括支援センター");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<(LedgerUpload Upload, LedgerPreview Preview)> ImportAsync(byte[] content, string fileName = "台帳.csv",
        Func<LedgerUpload, IReadOnlyList<ColumnTarget>>? mapping = null, bool commit = true)
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var service = _harness.Get<LedgerImportService>(scope);
        var upload = await service.ReadAsync(content, fileName);
        var targets = mapping?.Invoke(upload) ?? upload.Proposed;
        return (upload, commit ? await service.CommitAsync(upload, targets) : await service.PreviewAsync(upload, targets));
    }

    private async Task<int> CaseCountAsync()
    {
        await using var db = _harness.NewContext();
        return await db.Cases.CountAsync();
    }

    [Fact]
    public async Task Commit_TachikawasLedger_ReportShowsThePublishedR2ToR6Figures()
    {
        var (upload, preview) = await ImportAsync(Ledgers.Tachikawa.Ledger(), "立川市_相談台帳.csv", upload =>
        {
            // The …分野 columns are not the master's names: the user maps them, as the mapping step lets them.
            Assert.All(Ledgers.Tachikawa.Categories.Where(c => c.Heading.EndsWith("分野")),
                c => Assert.True(upload.Proposed[upload.Table.Headings.ToList().IndexOf(c.Heading)].IsIgnored));
            return upload.Table.Headings.Select((h, i) => Ledgers.Tachikawa.Categories.FirstOrDefault(c => c.Heading == h) is { Heading: not null } c
                ? ColumnTarget.Category(c.Code) : upload.Proposed[i]).ToList();
        });

        Assert.True(preview.Saved, string.Join(" / ", preview.Problems.Take(5).Select(p => $"{p.Row} {p.Column} {p.Message}")));
        Assert.Equal(289, preview.New);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var report = (await _harness.Get<ReportService>(scope).ReportAsync(new FiscalYear(2020), new FiscalYear(2024))).Report;
        decimal[] Row(string key) => report.Line(key)!.Cells.Select(c => c!.Value).ToArray();
        Assert.Equal(Ledgers.Tachikawa.New.Select(v => (decimal)v), Row(ReportRows.New));
        Assert.Equal(Ledgers.Tachikawa.Handled.Select(v => (decimal)v), Row(ReportRows.Handled));
        Assert.Equal(Ledgers.Tachikawa.Closed.Select(v => (decimal)v), Row(ReportRows.Closed));
        Assert.Equal(Ledgers.Tachikawa.FirstPlans.Select(v => (decimal)v), Row("plans-first"));
        Assert.Equal(Ledgers.Tachikawa.FromTriageMeeting.Select(v => (decimal)v), Row($"route-{IntakeRoute.TriageMeeting}"));
        // The other rows leave 相談経路 empty and have no 紹介元機関: 窓口.
        Assert.Equal(Ledgers.Tachikawa.New.Zip(Ledgers.Tachikawa.FromTriageMeeting, (n, t) => (decimal)(n - t)), Row($"route-{IntakeRoute.Counter}"));
        foreach (var (heading, code, counts) in Ledgers.Tachikawa.Categories)
        {
            Assert.True(counts.Select(v => (decimal)v).SequenceEqual(Row($"category-{code}")), $"相談分類 {heading}: {string.Join(",", Row($"category-{code}"))}");
        }
    }

    [Fact]
    public async Task Commit_SexColumn_IsKeptOnTheMember_AndAValueNobodyKnowsIsAProblemOfItsRow()
    {
        string[] Lines(string second) => [Ledgers.TemplateHeadings + ",性別", Ledgers.Row("S-1", "2024/4/1") + ",女",
            Ledgers.Row("S-2", "2024/4/2", name: "佐藤 一郎", kana: "さとう いちろう") + "," + second];

        var refused = (await ImportAsync(Ledgers.Utf8(Lines("?")))).Preview;
        var saved = (await ImportAsync(Ledgers.Utf8(Lines("M")))).Preview;

        Assert.False(refused.Saved);
        Assert.Contains(refused.Problems, p => p.Row == 3 && p.Column == "性別" && p.Message.Contains("性別「?」は読めません"));
        Assert.True(saved.Saved, string.Join(" / ", saved.Problems.Select(p => $"{p.Row} {p.Column} {p.Message}")));
        await using var db = _harness.NewContext();
        Assert.Equal(new Juso.Domain.Households.Sex?[] { Juso.Domain.Households.Sex.Male, Juso.Domain.Households.Sex.Female },
            await db.Households.SelectMany(h => h.Members).OrderBy(m => m.FamilyNameKana).Select(m => m.Sex).ToListAsync());
    }

    [Fact]
    public async Task Commit_OneBadRowAmongGoodOnes_SavesNothingAndSaysWhereAndWhat()
    {
        var (_, preview) = await ImportAsync(Ledgers.Utf8(Ledgers.TemplateHeadings,
            Ledgers.Row("A-1", "令和6年4月1日"),
            Ledgers.Row("A-2", "令和5年2月30日"),
            Ledgers.Row("A-3", "2024/5/1", closed: "2024/4/1"),
            Ledgers.Row("A-4", "2024/5/1", categories: "宇宙"),
            Ledgers.Row("A-5", "2024/5/1", route: "関係機関からのつなぎ", referring: "どこにもない機関"),
            Ledgers.Row("A-1", "2024/5/1"),
            Ledgers.Row("A-7", "令和9年1月1日"),
            Ledgers.Row("A-8", "#REF!")));

        Assert.False(preview.Saved);
        Assert.Equal(0, await CaseCountAsync());
        Assert.Contains(preview.Problems, p => p.Row == 3 && p.Column == "受付日" && p.Message.Contains("2月は28日まで"));
        Assert.Contains(preview.Problems, p => p.Row == 4 && p.Column == "終結日" && p.Message.Contains("受付日より前"));
        Assert.Contains(preview.Problems, p => p.Row == 5 && p.Column == "相談分類" && p.Message.Contains("「宇宙」は分類マスタにありません"));
        Assert.Contains(preview.Problems, p => p.Row == 6 && p.Column == "紹介元機関" && p.Message.Contains("登録されていません"));
        Assert.Contains(preview.Problems, p => p.Row == 7 && p.Column == "台帳番号" && p.Message.Contains("2行目と重複"));
        Assert.Contains(preview.Problems, p => p.Row == 8 && p.Message.Contains("未来の日付"));
        Assert.Contains(preview.Problems, p => p.Row == 9 && p.Message.Contains("#REF!"));
        Assert.DoesNotContain(preview.Problems, p => p.Row == 2);
    }

    [Fact]
    public async Task Commit_SameLedgerTwiceThenANewerVersion_UpdatesChangedRowsSkipsTheRestNeverDuplicates()
    {
        string[] first = [Ledgers.TemplateHeadings, Ledgers.Row("B-1", "2024/4/1"), Ledgers.Row("B-2", "2024/4/2", name: "佐藤 一郎", kana: "さとう いちろう")];
        Assert.Equal(2, (await ImportAsync(Ledgers.Utf8(first))).Preview.New);

        var again = (await ImportAsync(Ledgers.Utf8(first))).Preview;
        var newer = (await ImportAsync(Ledgers.Utf8(first[0], first[1],
            Ledgers.Row("B-2", "2024/4/2", name: "佐藤 一郎", kana: "さとう いちろう", plans: "2024/6/1", closed: "2025/3/1", closure: "包括的相談支援へ戻す"),
            Ledgers.Row("B-3", "2025/4/1")), "台帳_v2.csv")).Preview;

        Assert.True(again.Saved);
        Assert.Equal((0, 0, 2), (again.New, again.Updated, again.Unchanged));
        Assert.Equal((1, 1, 1), (newer.New, newer.Updated, newer.Unchanged));
        await using var db = _harness.NewContext();
        Assert.Equal(3, await db.Cases.CountAsync());
        var updated = await db.LedgerEntries.SingleAsync(e => e.Number == "B-2");
        Assert.Equal(("台帳_v2.csv", 3), (updated.FileName, updated.Row));
        var handedBack = await db.Cases.SingleAsync(c => c.Id == updated.SupportCaseId);
        Assert.Equal((CaseStage.Closed, true, new DateOnly(2025, 3, 1)), (handedBack.Stage, handedBack.IsHandedBack, handedBack.ClosedOn!.Value));
        Assert.Equal(new DateOnly(2024, 6, 1), (await db.Plans.SingleAsync(p => p.SupportCaseId == handedBack.Id)).ApprovedOn);
        var audits = await db.AuditEntries.Where(a => a.Action == AuditAction.LedgerImported).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync();
        Assert.Equal("台帳_v2.csv: 新規 1件、更新 1件、変更なし 1件（全3行）", audits[^1]);
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == AuditAction.CaseUpdated).Select(a => a.CaseId).ToListAsync(), id => id == handedBack.Id);
    }

    [Fact]
    public async Task Commit_ShiftJisCsvAndUtf8WithBom_ReadTheSameJapanese()
    {
        var cp932 = (await ImportAsync(Ledgers.Cp932(Ledgers.TemplateHeadings, Ledgers.Row("C-1", "令和6年4月1日", name: "髙橋 恵子", kana: "たかはし けいこ",
            categories: "8050、ひきこもり")), "sjis.csv")).Preview;
        var bom = (await ImportAsync(Ledgers.Utf8WithBom(Ledgers.TemplateHeadings, Ledgers.Row("C-2", "R6.4.2")), "bom.csv")).Preview;

        Assert.True(cp932.Saved, string.Join(" / ", cp932.Problems.Select(p => p.Message)));
        Assert.True(bom.Saved, string.Join(" / ", bom.Problems.Select(p => p.Message)));
        await using var db = _harness.NewContext();
        var member = await db.HouseholdMembers.SingleAsync(m => m.FamilyName == "髙橋");
        Assert.Equal("タカハシ", member.FamilyNameKana);
        var imported = await db.Cases.Include(c => c.Concerns).SingleAsync(c => c.HouseholdId == member.HouseholdId);
        Assert.Equal(["EightyFifty", "Hikikomori"], imported.Concerns.Select(c => c.Category).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Read_SecondLedgerOfTheSameLayout_ProposesTheMappingChosenBefore()
    {
        string[] lines = ["管理No,相談年月日,対象者,カナ,主な課題,ひきこもり", "D-1,2024/4/1,山田 花子,やまだ はなこ,不就労,○"];
        var (first, preview) = await ImportAsync(Ledgers.Utf8(lines), mapping: upload =>
        [
            ColumnTarget.Of(LedgerField.LedgerNumber), ColumnTarget.Of(LedgerField.IntakeDate), ColumnTarget.Of(LedgerField.Name),
            ColumnTarget.Of(LedgerField.Kana), ColumnTarget.Of(LedgerField.Categories), upload.Proposed[5],
        ]);
        Assert.True(preview.Saved, string.Join(" / ", preview.Problems.Select(p => p.Message)));
        Assert.True(first.Proposed[0].IsIgnored);

        await using var scope = _harness.As(TestUsers.Coordinator());
        var second = await _harness.Get<LedgerImportService>(scope).ReadAsync(Ledgers.Utf8(lines), "翌月.csv");

        Assert.Equal([LedgerField.LedgerNumber, LedgerField.IntakeDate, LedgerField.Name, LedgerField.Kana, LedgerField.Categories],
            second.Proposed.Take(5).Select(t => t.Field!.Value));
        Assert.Equal(ColumnTarget.Category("Hikikomori"), second.Proposed[5]);
    }

    [Fact]
    public async Task Read_AgencyMember_IsRefusedAndAudited()
    {
        var agency = await _harness.AddAgencyAsync("こども家庭センター");
        await using var scope = _harness.As(TestUsers.MemberOf(agency.Id));

        await Assert.ThrowsAsync<AccessDeniedException>(() => _harness.Get<LedgerImportService>(scope).ReadAsync(Ledgers.Utf8(Ledgers.TemplateHeadings), "x.csv"));

        await using var db = _harness.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.AccessDenied && a.Detail == "台帳の取り込み"));
    }

    [Fact]
    public async Task Commit_TheSampleLedgerInDocs_ImportsWithTheDemosAgencies()
    {
        foreach (var name in new[] { "ひばり野市 福祉総合相談課", "こども家庭センター", "くらしサポートセンター（自立相談支援機関）", "基幹相談支援センター" })
        {
            await _harness.AddAgencyAsync(name);
        }
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Juso.sln")))
        {
            root = root.Parent!;
        }

        var (_, preview) = await ImportAsync(await File.ReadAllBytesAsync(Path.Combine(root.FullName, "docs", "samples", "ledger-sample.csv")), "ledger-sample.csv");

        Assert.True(preview.Saved, string.Join(" / ", preview.Problems.Select(p => $"{p.Row} {p.Column} {p.Message}")));
        Assert.Equal(6, preview.New);
        await using var db = _harness.NewContext();
        Assert.Equal(1, await db.Households.CountAsync(h => h.Members.Count == 2));
    }

    [Theory]
    [InlineData(new byte[0], "ファイルが空です")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "パスワードで保護")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 }, "Excelファイルとして読めません")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00 }, "表計算のファイルとして読めません")]
    public async Task Commit_FileThatIsNoLedger_SavesNothingWithAMessage(byte[] content, string message)
    {
        var (upload, preview) = await ImportAsync(content);

        Assert.Contains(message, upload.Table.Problem!.Message);
        Assert.False(preview.Saved);
        Assert.Contains(preview.Problems, p => p.Message.Contains(message));
        Assert.Equal(0, await CaseCountAsync());
    }
}
