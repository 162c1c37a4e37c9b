using Juso.Domain.Ledger;
using Juso.Infrastructure.Ledger;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Import;

/// <summary>The rows of a ledger checked against the database: which are new, which update an imported case, which are unchanged.</summary>
internal sealed record LedgerPlan(LedgerPreview Preview, IReadOnlyList<LedgerRecord> Records, IReadOnlyDictionary<string, LedgerEntry> Existing)
{
    public bool IsNew(LedgerRecord record) => !Existing.ContainsKey(LedgerText.Key(record.Number));

    public bool IsChanged(LedgerRecord record) => Existing.TryGetValue(LedgerText.Key(record.Number), out var entry) && entry.Fingerprint != record.Fingerprint;
}

internal static class LedgerPlanning
{
    private const int ProgressEvery = 500;

    public static async Task<LedgerPlan> PlanAsync(JusoDbContext db, LedgerUpload upload, IReadOnlyList<ColumnTarget> mapping, DateOnly today,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (upload.Table.Problem is { } unreadable)
        {
            return Refused([unreadable], 0);
        }
        if (mapping.Count != upload.Table.Headings.Count)
        {
            return Refused([new LedgerProblem(0, "列", "列の対応づけが台帳の列と合いません。ファイルを選び直してください。")], upload.Table.Rows.Count);
        }
        var mappingProblems = LedgerMapping.Check(upload.Table.Headings, mapping);
        if (mappingProblems.Count > 0)
        {
            return Refused(mappingProblems, upload.Table.Rows.Count);
        }
        var masters = new LedgerMasters(
            new LedgerCategories(await db.ConcernCategories.AsNoTracking().ToListAsync(cancellationToken)),
            (await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
                .GroupBy(a => LedgerText.Key(a.Name)).ToDictionary(g => g.Key, g => g.First().Id));
        var reader = new LedgerRowReader(upload.Table.Headings, mapping, masters, today);
        var problems = new List<LedgerProblem>();
        var records = new List<LedgerRecord>(upload.Table.Rows.Count);
        var numbers = new List<(int, string)>(upload.Table.Rows.Count);
        var numberColumn = mapping.ToList().FindIndex(t => t.Field == LedgerField.LedgerNumber);
        foreach (var row in upload.Table.Rows)
        {
            var (record, rowProblems) = reader.Read(row.Number, row.Cells);
            problems.AddRange(rowProblems);
            if (record is not null)
            {
                records.Add(record);
            }
            numbers.Add((row.Number, (row.Cells[numberColumn] ?? string.Empty).Trim()));
            if (numbers.Count % ProgressEvery == 0)
            {
                progress?.Report(numbers.Count);
            }
        }
        problems.AddRange(LedgerBatch.Check(records, numbers));
        var keys = records.Select(r => LedgerText.Key(r.Number)).ToHashSet();
        // Read in chunks: SQL Server takes at most 2,100 parameters, and a 10,000-row ledger has as many numbers.
        var existing = new Dictionary<string, LedgerEntry>();
        foreach (var chunk in keys.Chunk(1000))
        {
            foreach (var entry in await db.LedgerEntries.AsNoTracking().Where(e => chunk.Contains(e.Number)).ToListAsync(cancellationToken))
            {
                existing[entry.Number] = entry;
            }
        }
        var plan = new LedgerPlan(null!, records, existing);
        var isNew = records.Count(plan.IsNew);
        var changed = records.Count(plan.IsChanged);
        var preview = new LedgerPreview(problems.OrderBy(p => p.Row).ToList(), upload.Table.Rows.Count, isNew, changed, records.Count - isNew - changed);
        return plan with { Preview = preview };
    }

    private static LedgerPlan Refused(IReadOnlyList<LedgerProblem> problems, int rows) =>
        new(new LedgerPreview(problems, rows, 0, 0, 0), [], new Dictionary<string, LedgerEntry>());
}
