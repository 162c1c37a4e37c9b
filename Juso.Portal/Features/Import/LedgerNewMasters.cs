using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Ledger;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Import;

/// <summary>
/// The agencies and 相談分類 an administrator chose to create for a ledger's unknown values. Built through the domain on
/// every preview, so its rules are checked before anything is saved; added to the database only by the commit, inside
/// its transaction, so a ledger that fails leaves the master data as it was.
/// </summary>
internal sealed class LedgerNewMasters
{
    /// <summary>What a new agency is until an administrator says otherwise on 機関・職員.</summary>
    public const AgencyField NewAgencyField = AgencyField.Other;

    public const AgencyOperation NewAgencyOperation = AgencyOperation.Direct;

    private readonly List<(string Value, Agency Agency)> _agencies = [];
    private readonly List<(string Value, ConcernCategoryEntry Entry)> _categories = [];
    private readonly List<LedgerProblem> _problems = [];

    public static readonly LedgerNewMasters None = new();

    public IReadOnlyList<LedgerProblem> Problems => _problems;

    public bool IsEmpty => _agencies.Count == 0 && _categories.Count == 0;

    /// <summary>What will be created, in words, for the screen and the audit.</summary>
    public IReadOnlyList<string> Descriptions =>
    [
        .. _agencies.Select(a => $"機関「{a.Agency.Name}」（分野: {a.Agency.Field.Label()}、{a.Agency.Operation.Label()}）"),
        .. _categories.Select(c => $"相談分類「{c.Entry.Name}」（分類コード {c.Entry.Code}、{JapaneseFormat.FiscalYear(c.Entry.FromYear)}から）"),
    ];

    /// <summary>The value each new entry stands for: an agency's id once saved (a negative stand-in before), a category's code.</summary>
    public IEnumerable<(LedgerValueKind Kind, string Value, string Target)> Mapped =>
        _agencies.Select((a, i) => (LedgerValueKind.Agency, a.Value, (a.Agency.Id != 0 ? a.Agency.Id : -(i + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(_categories.Select(c => (LedgerValueKind.Category, c.Value, c.Entry.Code)));

    public IReadOnlySet<int> AgencyIds => _agencies.Where(a => a.Agency.Id != 0).Select(a => a.Agency.Id).ToHashSet();

    public IReadOnlySet<string> CategoryCodes => _categories.Select(c => c.Entry.Code).ToHashSet();

    public static async Task<LedgerNewMasters> PrepareAsync(JusoDbContext db, LedgerUpload upload, IReadOnlyList<ColumnTarget> mapping,
        IReadOnlyList<LedgerValueChoice> choices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var creates = choices.Where(c => c.Create).DistinctBy(c => (c.Kind, c.Key)).ToList();
        if (creates.Count == 0)
        {
            return None;
        }
        var result = new LedgerNewMasters();
        var entries = await db.ConcernCategories.AsNoTracking().ToListAsync(cancellationToken);
        var from = creates.Any(c => c.Kind == LedgerValueKind.Category)
            ? LedgerValueMatching.EarliestYear(mapping, upload.Table.Rows.Select(r => r.Cells))
            : null;
        var order = entries.Select(e => e.Order).DefaultIfEmpty(0).Max();
        foreach (var choice in creates)
        {
            try
            {
                if (choice.Kind == LedgerValueKind.Agency)
                {
                    result._agencies.Add((choice.Value, Agency.Create(choice.Value, NewAgencyField, NewAgencyOperation, null, now)));
                }
                else if (from is not { } year)
                {
                    result._problems.Add(new LedgerProblem(0, "相談分類", $"相談分類「{choice.Value}」を登録する年度を決められません。受付日の列を対応づけ、読める日付を入れてください。"));
                }
                else
                {
                    var existing = entries.Concat(result._categories.Select(c => c.Entry)).ToList();
                    var code = LedgerValueMatching.NewCategoryCode(existing.Select(e => e.Code));
                    result._categories.Add((choice.Value, ConcernCategoryEntry.Add(code, choice.Value, year, ++order, existing, now)));
                }
            }
            catch (DomainException ex)
            {
                var what = choice.Kind == LedgerValueKind.Agency ? "機関" : "相談分類";
                result._problems.AddRange(ex.Errors.Select(e => new LedgerProblem(0, what, $"{what}「{choice.Value}」は登録できません: {e.Message}")));
            }
        }
        return result;
    }

    /// <summary>Adds the new entries, audited as the admin pages audit them, and saves: within the commit's transaction.</summary>
    public async Task AddAsync(JusoDbContext db, AuditLog audit, UserContext user, string fileName, CancellationToken cancellationToken)
    {
        foreach (var (_, agency) in _agencies)
        {
            db.Agencies.Add(agency);
            audit.Add(db, user, AuditAction.AgencyCreated, detail: $"{agency.Name}（台帳の取り込み {fileName} で登録）");
        }
        foreach (var (_, entry) in _categories)
        {
            db.ConcernCategories.Add(entry);
            audit.Add(db, user, AuditAction.ConcernCategoryChanged,
                detail: $"追加: {entry.Name}（{entry.Code}、{JapaneseFormat.FiscalYear(entry.FromYear)}から、台帳の取り込み {fileName} で登録）");
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
