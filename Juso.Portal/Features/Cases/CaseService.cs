using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Cases;

/// <summary>Case list, case page and the changes made from the case page. Every call checks per-case access and is audited.</summary>
public sealed partial class CaseService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, CaseWork work, TimeProvider time)
{
    /// <summary>
    /// One page of the cases the user sees, newest intake first. Short queries instead of one wide one: the count
    /// (filters only), the page (case fields, then Skip/Take), and the names and concerns of just that page's cases.
    /// With a name, the matching ids are read once in order and give both the count and the page.
    /// The name filter reads one column, <see cref="Household.SearchKey"/>, through an uncorrelated IN, so SQLite
    /// scans the households once rather than the members once per case (docs/benchmarks.md, case search).
    /// </summary>
    public async Task<PagedResult<CaseListItem>> SearchAsync(CaseSearch search, int page, int pageSize)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var query = CaseAccess.Visible(db.Cases.AsNoTracking(), await CaseAccess.ViewerAsync(db, user));

        query = CaseChoices.Matching(db, query, search.Text, out var byName);
        if (search.Category is { } category)
        {
            query = query.Where(c => c.Concerns.Any(x => x.Category == category));
        }
        if (search.Stage is { } stage)
        {
            query = query.Where(c => c.Stage == stage);
        }
        if (search.AgencyId is { } agencyId)
        {
            query = query.Where(c => c.Agencies.Any(a => a.AgencyId == agencyId));
        }
        if (search.FiscalYear is { } fiscalYear)
        {
            query = query.Where(c => c.FiscalYear == fiscalYear);
        }

        var ordered = query.OrderByDescending(c => c.IntakeDate).ThenByDescending(c => c.Id);
        var skip = Math.Max(0, page) * pageSize;
        int total;
        IQueryable<SupportCase> pageQuery;
        if (byName)
        {
            // The name filter reads every household's key once per query: read the matching cases' ids once
            // (in order), and take the count and the page from them, instead of scanning for the count and again for the page.
            var matching = await ordered.Select(c => c.Id).ToListAsync();
            total = matching.Count;
            var pageIds = matching.Skip(skip).Take(pageSize).ToList();
            pageQuery = db.Cases.AsNoTracking().Where(c => pageIds.Contains(c.Id)).OrderByDescending(c => c.IntakeDate).ThenByDescending(c => c.Id);
        }
        else
        {
            total = await query.CountAsync();
            pageQuery = ordered.Skip(skip).Take(pageSize);
        }
        var rows = await pageQuery
            .Select(c => new { c.Id, c.FiscalYear, c.Sequence, c.HouseholdId, c.Stage, c.CurrentConsent, c.IntakeDate, c.LeadAgencyId })
            .ToListAsync();

        // The page's display fields, for its cases only.
        var caseIds = rows.Select(r => r.Id).ToList();
        var householdIdsOnPage = rows.Select(r => r.HouseholdId).Distinct().ToList();
        var catalog = await db.CategoryCatalogAsync();
        var categories = rows.Count == 0 ? [] : (await db.Cases.AsNoTracking()
                .Where(c => caseIds.Contains(c.Id))
                .Select(c => new { c.Id, c.FiscalYear, Categories = c.Concerns.Select(x => x.Category).ToList() })
                .ToListAsync())
            .ToDictionary(c => c.Id, c => catalog.NamesOf(c.Categories, new FiscalYear(c.FiscalYear)));
        var principals = rows.Count == 0 ? [] : (await db.HouseholdMembers.AsNoTracking()
                .Where(m => householdIdsOnPage.Contains(m.HouseholdId) && m.Relationship == Relationship.Principal)
                .Select(m => new { m.HouseholdId, m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana })
                .ToListAsync())
            .GroupBy(m => m.HouseholdId)
            .ToDictionary(g => g.Key, g => g.First());
        var agencyNames = await AgencyNamesAsync(db);
        var items = rows.Select(r =>
        {
            var principal = principals.GetValueOrDefault(r.HouseholdId);
            return new CaseListItem(
                r.Id,
                SupportCase.FormatNumber(r.FiscalYear, r.Sequence),
                r.HouseholdId,
                principal is null ? "（本人未登録）" : $"{principal.FamilyName}\u3000{principal.GivenName}",
                principal is null ? string.Empty : $"{principal.FamilyNameKana}\u3000{principal.GivenNameKana}",
                categories.GetValueOrDefault(r.Id) ?? [],
                r.Stage,
                r.CurrentConsent,
                r.IntakeDate,
                r.LeadAgencyId is { } lead ? agencyNames.GetValueOrDefault(lead) : null);
        }).ToList();

        await audit.WriteAsync(user, AuditAction.CaseListViewed, detail: $"{Describe(search, catalog)} 該当{total}件、{items.Count}件表示",
            caseIds: items.Select(i => i.Id).ToList());
        return new PagedResult<CaseListItem>(items, total);
    }

    /// <summary>How many of the cases the user sees stand at each stage (counts only, so not audited as a read).</summary>
    public async Task<IReadOnlyDictionary<CaseStage, int>> CountByStageAsync()
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var cases = CaseAccess.Visible(db.Cases.AsNoTracking(), await CaseAccess.ViewerAsync(db, user));
        if (IsAssignedCoordinator(user))
        {
            // A coordinator's home shows the cases they are in charge of.
            cases = cases.Where(c => c.CoordinatorStaffId == user.StaffId);
        }
        var counts = await cases
            .GroupBy(c => c.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync();
        return Enum.GetValues<CaseStage>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Stage == s)?.Count ?? 0);
    }

    internal static bool IsAssignedCoordinator(UserContext user) =>
        user.StaffId is not null && user.IsInRole(Infrastructure.Identity.JusoRoles.Coordinator);

    private static string Describe(CaseSearch search, ConcernCategoryCatalog catalog)
    {
        var parts = new List<string>();
        // The searched name itself stays out of the log: administrators read it and see no case data.
        if (!string.IsNullOrWhiteSpace(search.Text)) parts.Add("氏名・フリガナ");
        if (search.Category is { } category) parts.Add($"分類「{catalog.Latest().FirstOrDefault(e => e.Code == category)?.Name ?? category}」");
        if (search.Stage is { } stage) parts.Add($"段階「{stage.Label()}」");
        if (search.AgencyId is { } agencyId) parts.Add($"機関ID {agencyId}");
        if (search.FiscalYear is { } year) parts.Add($"{year}年度");
        return parts.Count == 0 ? "条件なし。" : $"条件: {string.Join("、", parts)}。";
    }
}
