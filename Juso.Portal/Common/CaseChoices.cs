using Juso.Domain.Cases;
using Juso.Domain.Households;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Common;

/// <summary>A case offered or shown as a choice: its ケース番号 and its 本人's name (only ever for a case the user may see).</summary>
public sealed record CaseChoice(int Id, string Number, string PrincipalName)
{
    public string Label => $"{Number} {PrincipalName}";
}

/// <summary>
/// The case search's text, in one place: a ケース番号 with or without its dash (<see cref="SupportCase.TryParseNumber"/>),
/// else part of a member's 氏名 or フリガナ through the household search index (docs/adr/0033). The case list and every
/// case choice use it over the cases the user may see (<see cref="CaseAccess.Visible"/>).
/// </summary>
public static class CaseChoices
{
    public const int Limit = 20;

    /// <summary>The cases the text finds; <paramref name="byName"/> says whether it was read as a name.</summary>
    public static IQueryable<SupportCase> Matching(JusoDbContext db, IQueryable<SupportCase> cases, string? text, out bool byName)
    {
        byName = false;
        if (SupportCase.TryParseNumber(text, out var year, out var sequence))
        {
            return cases.Where(c => c.FiscalYear == year && c.Sequence == sequence);
        }
        if (HouseholdSearch.TermsOf(text) is { } terms)
        {
            byName = true;
            var householdIds = HouseholdSearchIndex.Matching(db, terms);
            return cases.Where(c => householdIds.Contains(c.HouseholdId));
        }
        return cases;
    }

    /// <summary>Up to <see cref="Limit"/> cases the viewer may see that the text finds (all of them for no text), newest intake first.</summary>
    public static async Task<IReadOnlyList<CaseChoice>> FindAsync(JusoDbContext db, CaseViewer viewer, string? text)
    {
        var cases = Matching(db, CaseAccess.Visible(db.Cases.AsNoTracking(), viewer), text, out _);
        var ids = await cases.OrderByDescending(c => c.IntakeDate).ThenByDescending(c => c.Id).Select(c => c.Id).Take(Limit).ToListAsync();
        // The ids came from the cases the viewer may see: they are named without checking access a second time.
        var found = await NamedAsync(db, db.Cases.AsNoTracking(), ids);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    /// <summary>Those of <paramref name="caseIds"/> the viewer may see, by id; a case the viewer may not see is simply absent.</summary>
    public static Task<IReadOnlyDictionary<int, CaseChoice>> OfAsync(JusoDbContext db, CaseViewer viewer, IReadOnlyCollection<int> caseIds) =>
        NamedAsync(db, CaseAccess.Visible(db.Cases.AsNoTracking(), viewer), caseIds);

    private static async Task<IReadOnlyDictionary<int, CaseChoice>> NamedAsync(JusoDbContext db, IQueryable<SupportCase> cases, IReadOnlyCollection<int> caseIds)
    {
        if (caseIds.Count == 0)
        {
            return new Dictionary<int, CaseChoice>();
        }
        var rows = await cases.Where(c => caseIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.FiscalYear,
                c.Sequence,
                Principal = db.HouseholdMembers.Where(m => m.HouseholdId == c.HouseholdId && m.Relationship == Relationship.Principal)
                    .Select(m => m.FamilyName + "\u3000" + m.GivenName).FirstOrDefault(),
            }).ToListAsync();
        return rows.ToDictionary(r => r.Id, r => new CaseChoice(r.Id, SupportCase.FormatNumber(r.FiscalYear, r.Sequence), r.Principal ?? "（本人未登録）"));
    }
}
