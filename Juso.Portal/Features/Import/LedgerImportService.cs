using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Ledger;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Ledger;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Import;

/// <summary>
/// 台帳の取り込み (/admin/import), for administrators and coordinators: read a ledger, propose the column mapping
/// (remembered per heading), preview every problem, and commit all or nothing (docs/adr/0024-ledger-import.md).
/// </summary>
public sealed class LedgerImportService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    /// <summary>Who may import, for the page's authorization and the menu.</summary>
    public const string Roles = JusoRoles.Administrator + "," + JusoRoles.Coordinator;

    public static bool MayImport(UserContext user) => user.IsInRole(JusoRoles.Administrator) || user.IsInRole(JusoRoles.Coordinator);

    public async Task<bool> MayImportAsync() => MayImport(await currentUser.GetAsync());

    public async Task<LedgerUpload> ReadAsync(byte[] content, string fileName, CancellationToken cancellationToken = default)
    {
        await RequireImporterAsync();
        // Parsing a large file is CPU work: off the circuit's thread, so the page stays responsive.
        var table = await Task.Run(() => LedgerFileReader.Read(content), cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entries = await db.ConcernCategories.AsNoTracking().ToListAsync(cancellationToken);
        var remembered = await db.LedgerColumnMappings.AsNoTracking().ToDictionaryAsync(m => m.Heading, m => m.Target, cancellationToken);
        var proposed = LedgerMapping.Propose(table.Headings, remembered, new LedgerCategories(entries));
        var categories = entries.Where(e => e.UntilYear is null).OrderBy(e => e.Order).Select(e => new CategoryOption(e.Code, e.Name)).ToList();
        return new LedgerUpload(Path.GetFileName(fileName), table, proposed, categories);
    }

    /// <summary>Checks every row under <paramref name="mapping"/>; saves nothing.</summary>
    public async Task<LedgerPreview> PreviewAsync(LedgerUpload upload, IReadOnlyList<ColumnTarget> mapping, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        await RequireImporterAsync();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await Task.Run(() => LedgerPlanning.PlanAsync(db, upload, mapping, Today, progress, cancellationToken), cancellationToken)).Preview;
    }

    /// <summary>
    /// Checks again and, only when no row has a problem, writes every new and changed row in one transaction, remembers
    /// the mapping of each heading and audits the import with its counts.
    /// </summary>
    public async Task<LedgerPreview> CommitAsync(LedgerUpload upload, IReadOnlyList<ColumnTarget> mapping, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var user = await RequireImporterAsync();
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Task.Run(() => db.InTransactionAsync(async ct =>
        {
            var plan = await LedgerPlanning.PlanAsync(db, upload, mapping, JapanDate.Today(now), progress, ct);
            if (!plan.Preview.CanCommit)
            {
                return plan.Preview;
            }
            var writing = new LedgerWriting(db, audit, user, upload.FileName, now);
            await writing.WriteAsync(plan, progress, ct);
            if (writing.Problems.Count > 0)
            {
                return plan.Preview with { Problems = writing.Problems };
            }
            await RememberAsync(db, upload.Table.Headings, mapping, now, ct);
            audit.Add(db, user, AuditAction.LedgerImported, detail: $"{upload.FileName}: {plan.Preview.Summary}");
            await db.SaveChangesAsync(ct);
            return plan.Preview with { Saved = true };
        }, preview => preview.Saved, cancellationToken), cancellationToken);
    }

    /// <summary>The template: the headings (required ones marked *) and one fictional example row, as UTF-8 CSV with BOM for Excel.</summary>
    public static byte[] Template()
    {
        var headings = LedgerFields.All.Select(d => d.Heading + (d.Required ? "*" : string.Empty));
        string[] example = ["R6-001", "令和6年4月1日", "山田 花子", "やまだ はなこ", "昭和50年1月1日", "", "ひばり野市中央1-2-3", "S-001", "本人",
            "8050、ひきこもり", "電話", "", "", "あり", "令和6年4月10日", "令和6年6月1日", "", "", "", "（架空の例）"];
        var text = string.Join(",", headings) + "\r\n" + string.Join(",", example) + "\r\n";
        return [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(text)];
    }

    private DateOnly Today => JapanDate.Today(time.GetUtcNow());

    private static async Task RememberAsync(JusoDbContext db, IReadOnlyList<string> headings, IReadOnlyList<ColumnTarget> mapping, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var known = await db.LedgerColumnMappings.ToDictionaryAsync(m => m.Heading, cancellationToken);
        for (var i = 0; i < headings.Count; i++)
        {
            var key = LedgerMapping.NormalizeHeading(headings[i]);
            if (key.Length == 0 || key.Length > LedgerColumnMapping.HeadingMaxLength)
            {
                continue;
            }
            if (!known.TryGetValue(key, out var remembered))
            {
                remembered = LedgerColumnMapping.For(headings[i], now);
                db.LedgerColumnMappings.Add(remembered);
                known[key] = remembered;
            }
            remembered.Set(mapping[i], now);
        }
    }

    private async Task<UserContext> RequireImporterAsync()
    {
        var user = await currentUser.GetAsync();
        if (!MayImport(user))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: "台帳の取り込み");
            throw new AccessDeniedException();
        }
        return user;
    }
}
