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

    public static async Task<LedgerPlan> PlanAsync(JusoDbContext db, LedgerUpload upload, IReadOnlyList<ColumnTarget> mapping,
        IReadOnlyList<LedgerValueChoice> choices, LedgerNewMasters created, DateOnly today, IProgress<int>? progress, CancellationToken cancellationToken)
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
        var (masters, unknowns, problems) = await MatchValuesAsync(db, upload, mapping, choices, created, cancellationToken);
        var reader = new LedgerRowReader(upload.Table.Headings, mapping, masters, today);
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
        var preview = new LedgerPreview(problems.OrderBy(p => p.Row).ToList(), upload.Table.Rows.Count, isNew, changed, records.Count - isNew - changed)
        {
            Unknowns = unknowns,
            Creations = created.Descriptions,
        };
        return plan with { Preview = preview };
    }

    /// <summary>
    /// The master data the rows are read against: names, remembered value mappings, the user's choices and the entries
    /// being created. The unknown values are those neither names nor remembered mappings explain (an entry created in
    /// this very commit still counts as unknown, so the page keeps showing the choice).
    /// </summary>
    private static async Task<(LedgerMasters Masters, IReadOnlyList<LedgerUnknown> Unknowns, List<LedgerProblem> Problems)> MatchValuesAsync(
        JusoDbContext db, LedgerUpload upload, IReadOnlyList<ColumnTarget> mapping, IReadOnlyList<LedgerValueChoice> choices, LedgerNewMasters created,
        CancellationToken cancellationToken)
    {
        var categories = await db.ConcernCategories.AsNoTracking().ToListAsync(cancellationToken);
        var agencies = (await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name)).ToList();
        var remembered = (await db.LedgerValueMappings.AsNoTracking().ToListAsync(cancellationToken)).Select(m => (m.Kind, m.Value, m.Target)).ToList();
        var rows = upload.Table.Rows.Select(r => (r.Number, r.Cells));
        var before = LedgerValueMatching.Masters(categories.Where(c => !created.CategoryCodes.Contains(c.Code)),
            agencies.Where(a => !created.AgencyIds.Contains(a.Id)), remembered);
        var unknowns = LedgerValueMatching.Unknowns(upload.Table.Headings, mapping, rows, before);

        var problems = created.Problems.ToList();
        var mapped = new List<(LedgerValueKind, string, string)>();
        foreach (var choice in choices.Where(c => !c.Create && c.Target is not null))
        {
            var exists = choice.Kind == LedgerValueKind.Agency
                ? agencies.Any(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == choice.Target)
                : categories.Any(c => c.Code == choice.Target);
            if (exists)
            {
                mapped.Add((choice.Kind, choice.Value, choice.Target!));
            }
            else
            {
                problems.Add(new LedgerProblem(0, choice.Kind == LedgerValueKind.Agency ? "機関" : "相談分類",
                    $"「{choice.Value}」の対応づけ先が見つかりません（削除されたか、別の画面で変更されました）。選び直してください。"));
            }
        }
        // The user's choices first: for a value they chose, they override what was remembered.
        var masters = LedgerValueMatching.Masters(categories, agencies, mapped.Concat(created.Mapped).Concat(remembered));
        return (masters, unknowns, problems);
    }

    private static LedgerPlan Refused(IReadOnlyList<LedgerProblem> problems, int rows) =>
        new(new LedgerPreview(problems, rows, 0, 0, 0), [], new Dictionary<string, LedgerEntry>());
}
