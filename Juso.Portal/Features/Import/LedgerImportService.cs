using Juso.Domain.Auditing;
using Juso.Domain.Cases;
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
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new AgencyOption(a.Id, a.Name)).ToListAsync(cancellationToken);
        return new LedgerUpload(Path.GetFileName(fileName), table, proposed, categories)
        {
            Agencies = agencies,
            MayCreateMasters = (await currentUser.GetAsync()).IsInRole(JusoRoles.Administrator),
        };
    }

    /// <summary>
    /// Checks every row under <paramref name="mapping"/>, with the unknown agencies and categories mapped or created as
    /// <paramref name="values"/> says; saves nothing, creates nothing.
    /// </summary>
    public async Task<LedgerPreview> PreviewAsync(LedgerUpload upload, IReadOnlyList<ColumnTarget> mapping, IReadOnlyList<LedgerValueChoice>? values = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await RequireImporterAsync(values);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Task.Run(async () =>
        {
            var created = await LedgerNewMasters.PrepareAsync(db, upload, mapping, values ?? [], time.GetUtcNow(), cancellationToken);
            return (await LedgerPlanning.PlanAsync(db, upload, mapping, values ?? [], created, Today, progress, cancellationToken)).Preview;
        }, cancellationToken);
    }

    /// <summary>
    /// Checks again and, only when no row has a problem, creates the chosen agencies and categories and writes every new
    /// and changed row in one transaction, remembers the mapping of each heading and value, and audits the import with
    /// its counts. Any problem rolls back everything, the new master entries included.
    /// </summary>
    public async Task<LedgerPreview> CommitAsync(LedgerUpload upload, IReadOnlyList<ColumnTarget> mapping, IReadOnlyList<LedgerValueChoice>? values = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var user = await RequireImporterAsync(values);
        var now = time.GetUtcNow();
        values ??= [];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Task.Run(() => db.InTransactionAsync(async ct =>
        {
            var created = await LedgerNewMasters.PrepareAsync(db, upload, mapping, values, now, ct);
            if (created.Problems.Count == 0 && !created.IsEmpty)
            {
                await created.AddAsync(db, audit, user, upload.FileName, ct);
            }
            var plan = await LedgerPlanning.PlanAsync(db, upload, mapping, values, created, JapanDate.Today(now), progress, ct);
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
            await RememberValuesAsync(db, user, upload.FileName, values.Where(v => plan.Preview.Unknowns.Any(u => u.Kind == v.Kind && u.Key == v.Key)), now, ct);
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

    /// <summary>Remembers (and audits) what each unknown value was mapped to, so that the next ledger saying it needs no choice.</summary>
    private async Task RememberValuesAsync(JusoDbContext db, UserContext user, string fileName, IEnumerable<LedgerValueChoice> values, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var chosen = values.Where(v => !v.Create && v.Target is not null && LedgerValueMapping.CanRemember(v.Value)).DistinctBy(v => (v.Kind, v.Key)).ToList();
        if (chosen.Count == 0)
        {
            return;
        }
        var known = await db.LedgerValueMappings.ToDictionaryAsync(m => (m.Kind, m.Value), cancellationToken);
        var agencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Name, cancellationToken);
        var categoryNames = new ConcernCategoryCatalog(await db.ConcernCategories.AsNoTracking().ToListAsync(cancellationToken));
        foreach (var value in chosen)
        {
            if (!known.TryGetValue((value.Kind, value.Key), out var remembered))
            {
                remembered = LedgerValueMapping.For(value.Kind, value.Value, now);
                db.LedgerValueMappings.Add(remembered);
            }
            remembered.Set(value.Target!, now);
            var target = value.Kind == LedgerValueKind.Agency ? agencyNames.GetValueOrDefault(value.Target!, value.Target!) : categoryNames.NameOf(value.Target!, FiscalYear.Of(JapanDate.Today(now)));
            audit.Add(db, user, AuditAction.LedgerValueMapped, detail: $"{(value.Kind == LedgerValueKind.Agency ? "機関" : "相談分類")}「{value.Value}」→「{target}」（{fileName}）");
        }
    }

    private async Task<UserContext> RequireImporterAsync(IReadOnlyList<LedgerValueChoice>? values = null)
    {
        var user = await currentUser.GetAsync();
        // Coordinators import and map; only administrators add to the master data.
        var creates = values?.Any(v => v.Create) == true;
        if (!MayImport(user) || (creates && !user.IsInRole(JusoRoles.Administrator)))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: creates ? "台帳の取り込みでのマスタ登録" : "台帳の取り込み");
            throw new AccessDeniedException();
        }
        return user;
    }
}
