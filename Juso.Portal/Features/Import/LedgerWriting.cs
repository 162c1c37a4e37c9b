using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Ledger;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Import;

/// <summary>
/// Writes a checked ledger inside the caller's transaction: households first (rows sharing a 世帯番号 are one), then
/// the cases, their plan versions and ledger entries, each case audited. A rule the domain refuses comes back as a
/// problem of its row, and the caller rolls everything back.
/// </summary>
internal sealed class LedgerWriting(JusoDbContext db, AuditLog audit, UserContext user, string fileName, DateTimeOffset now)
{
    private readonly List<LedgerProblem> _problems = [];
    private readonly Dictionary<int, int> _sequences = new();

    public IReadOnlyList<LedgerProblem> Problems => _problems;

    /// <summary>Rows per save: each save checks every tracked entity, so a ledger is written in slices (one transaction still).</summary>
    private const int SliceRows = 200;

    public async Task WriteAsync(LedgerPlan plan, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var toWrite = plan.Records.Where(r => plan.IsNew(r) || plan.IsChanged(r)).ToHashSet();
        // Whole households: an unchanged row tells which household a new row of the same 世帯番号 joins.
        var groups = LedgerBatch.Households(plan.Records).Where(g => g.Any(toWrite.Contains)).ToList();
        var done = 0;
        var slice = new List<IReadOnlyList<LedgerRecord>>();
        foreach (var group in groups)
        {
            slice.Add(group);
            if (slice.Sum(g => g.Count) >= SliceRows || group == groups[^1])
            {
                await WriteSliceAsync(plan, slice, toWrite, cancellationToken);
                if (_problems.Count > 0)
                {
                    return;
                }
                db.ChangeTracker.Clear();
                done += slice.Sum(g => g.Count(toWrite.Contains));
                progress?.Report(done);
                slice.Clear();
            }
        }
    }

    private async Task WriteSliceAsync(LedgerPlan plan, IReadOnlyList<IReadOnlyList<LedgerRecord>> groups, HashSet<LedgerRecord> toWrite,
        CancellationToken cancellationToken)
    {
        var existingCases = await LoadAsync(plan, groups.SelectMany(g => g).Where(r => !plan.IsNew(r)).ToList(), cancellationToken);
        // Read once: DbSet.Local detects changes over the whole slice each time it is read.
        var loadedHouseholds = db.Households.Local.ToDictionary(h => h.Id);
        var households = new Dictionary<LedgerRecord, Household>();
        foreach (var group in groups)
        {
            var household = PlaceHousehold(group, group.Where(toWrite.Contains).ToList(), plan, existingCases, loadedHouseholds);
            foreach (var record in group)
            {
                if (household is not null)
                {
                    households[record] = household;
                }
            }
        }
        if (_problems.Count > 0)
        {
            return;
        }
        await db.SaveChangesAsync(cancellationToken);

        var written = new List<(LedgerRecord Record, SupportCase Case)>();
        foreach (var record in groups.SelectMany(g => g).Where(toWrite.Contains))
        {
            var source = LedgerEntry.Source(fileName, record.Row);
            var ledgerCase = record.ToCase(source);
            if (!plan.IsNew(record) && existingCases.TryGetValue(record, out var existing))
            {
                Try(record, () => existing.ReviseFromLedger(ledgerCase, user.Actor, now));
                written.Add((record, existing));
            }
            else
            {
                var created = SupportCase.FromLedger(households[record], ledgerCase, NextSequence(ledgerCase.IntakeDate), user.Actor, now);
                db.Cases.Add(created);
                written.Add((record, created));
            }
        }
        if (_problems.Count > 0)
        {
            return;
        }
        await db.SaveChangesAsync(cancellationToken);

        var plans = (await PlansOfAsync(existingCases.Values.Select(c => c.Id).ToList(), cancellationToken)).ToLookup(p => p.SupportCaseId);
        foreach (var (record, supportCase) in written)
        {
            Try(record, () => db.Plans.AddRange(SupportPlan.FromLedger(supportCase, plans[supportCase.Id].OrderBy(p => p.PlanVersion).ToList(),
                record.PlanApprovals, record.PlanKindOrDefault, now)));
            var memberId = households[record].Members.First(m => Same(m, record.Member)).Id;
            if (plan.Existing.TryGetValue(LedgerText.Key(record.Number), out var entry))
            {
                // Read untracked when the ledger was checked; tracked from here for this slice's save.
                db.LedgerEntries.Attach(entry);
                entry.Refresh(fileName, record.Row, record.Fingerprint, now);
                audit.Add(db, user, AuditAction.CaseUpdated, supportCase.Id, supportCase.HouseholdId, $"台帳の再取り込みで更新（{LedgerEntry.Source(fileName, record.Row)}）");
            }
            else
            {
                db.LedgerEntries.Add(LedgerEntry.Record(record.Number, supportCase.Id, memberId, fileName, record.Row, record.Fingerprint, now));
                audit.Add(db, user, AuditAction.CaseOpened, supportCase.Id, supportCase.HouseholdId,
                    $"台帳から取り込み ケース番号 {supportCase.Number}（{LedgerEntry.Source(fileName, record.Row)}）");
            }
        }
        if (_problems.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The imported cases of <paramref name="imported"/>, tracked, with their households.</summary>
    private async Task<Dictionary<LedgerRecord, SupportCase>> LoadAsync(LedgerPlan plan, IReadOnlyList<LedgerRecord> imported, CancellationToken cancellationToken)
    {
        var byCaseId = imported.ToDictionary(r => plan.Existing[LedgerText.Key(r.Number)].SupportCaseId);
        var result = new Dictionary<LedgerRecord, SupportCase>();
        foreach (var chunk in byCaseId.Keys.Chunk(1000))
        {
            var cases = await db.Cases.Include(c => c.Concerns).Include(c => c.Agencies).Include(c => c.Consents)
                .Where(c => chunk.Contains(c.Id)).ToListAsync(cancellationToken);
            var householdIds = cases.Select(c => c.HouseholdId).Distinct().ToList();
            await db.Households.Include(h => h.Members).Where(h => householdIds.Contains(h.Id)).LoadAsync(cancellationToken);
            foreach (var c in cases)
            {
                result[byCaseId[c.Id]] = c;
            }
        }
        return result;
    }

    private Task<List<SupportPlan>> PlansOfAsync(IReadOnlyList<int> caseIds, CancellationToken cancellationToken) =>
        caseIds.Count == 0 ? Task.FromResult(new List<SupportPlan>()) : db.Plans.Where(p => caseIds.Contains(p.SupportCaseId)).ToListAsync(cancellationToken);

    /// <summary>
    /// The household of a group of rows: the one an imported row of the group already has (its members revised and the
    /// new rows' members added), or a new one.
    /// </summary>
    private Household? PlaceHousehold(IReadOnlyList<LedgerRecord> group, IReadOnlyList<LedgerRecord> changed, LedgerPlan plan,
        Dictionary<LedgerRecord, SupportCase> existingCases, Dictionary<int, Household> loadedHouseholds)
    {
        var known = group.Where(existingCases.ContainsKey).Select(r => existingCases[r].HouseholdId).FirstOrDefault();
        var address = group.Select(r => r.Address).FirstOrDefault(a => a is not null);
        var household = known == 0 ? null : loadedHouseholds[known];
        if (household is null)
        {
            Household? created = null;
            Try(group[0], () => created = Household.Create(address, null, null, group.Select(r => r.Member).ToList(), now));
            if (created is not null)
            {
                db.Households.Add(created);
            }
            return created;
        }
        var members = household.Members.Select(m => (MemberId: (int?)m.Id, Details: Details(m))).ToList();
        foreach (var record in changed)
        {
            var memberId = plan.Existing.TryGetValue(LedgerText.Key(record.Number), out var entry) ? entry.MemberId : 0;
            var index = members.FindIndex(m => m.MemberId == memberId);
            if (index >= 0)
            {
                members[index] = (memberId, record.Member);
            }
            else
            {
                members.Add((null, record.Member));
            }
        }
        Try(group[0], () => household.Revise(address ?? household.Address, household.Phone, household.Note, members, now));
        return household;
    }

    private int NextSequence(DateOnly intakeDate)
    {
        var year = FiscalYear.Of(intakeDate).StartYear;
        if (!_sequences.TryGetValue(year, out var last))
        {
            last = db.Cases.Where(c => c.FiscalYear == year).Max(c => (int?)c.Sequence) ?? 0;
        }
        _sequences[year] = last + 1;
        return last + 1;
    }

    private void Try(LedgerRecord record, Action action)
    {
        try
        {
            action();
        }
        catch (DomainException ex)
        {
            _problems.AddRange(ex.Errors.Select(e => new LedgerProblem(record.Row, "行", e.Message)));
        }
    }

    private static MemberDetails Details(HouseholdMember m) =>
        new(m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana, m.BirthDate, m.Relationship, m.Note, m.Sex);

    private static bool Same(HouseholdMember member, MemberDetails details) =>
        member.FamilyName == details.FamilyName?.Trim() && member.GivenName == details.GivenName?.Trim() && member.BirthDate == details.BirthDate;
}
