using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Cases;

/// <summary>Case list, case page and the changes made from the case page. Every call checks per-case access and is audited.</summary>
public sealed class CaseService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, CaseWork work, TimeProvider time)
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

        var byNumber = SupportCase.TryParseNumber(search.Text, out var numberYear, out var numberSequence);
        var byName = !byNumber && HouseholdSearch.TermsOf(search.Text) is not null;
        if (byNumber)
        {
            query = query.Where(c => c.FiscalYear == numberYear && c.Sequence == numberSequence);
        }
        else if (HouseholdSearch.TermsOf(search.Text) is { } terms)
        {
            var householdIds = HouseholdSearchIndex.Matching(db, terms);
            query = query.Where(c => householdIds.Contains(c.HouseholdId));
        }
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

    /// <summary>The case page's data, or null when the case does not exist or the user may not see it (the page shows "not found" either way).</summary>
    /// <summary>Every change that moves a case's version: one of them beat the user to it.</summary>
    private static readonly AuditAction[] CaseChanges =
    [
        AuditAction.CaseUpdated, AuditAction.ConsentRecorded, AuditAction.StageChanged, AuditAction.AssessmentRecorded, AuditAction.PlanChanged,
        AuditAction.PlanApproved, AuditAction.ContactRecorded, AuditAction.MonitoringRecorded, AuditAction.CaseClosed, AuditAction.MeetingBoardChanged,
        AuditAction.MinutesApproved,
    ];

    /// <summary>After a lost race: the case as saved now, and who changed it since <paramref name="since"/> (when the loser loaded it).</summary>
    public async Task<(CaseDetail? Case, SavedBy? By)> SavedStateAsync(int caseId, DateTime since)
    {
        var supportCase = await GetAsync(caseId);
        var user = await currentUser.GetAsync();
        return (supportCase, supportCase is null ? null : await audit.LastChangeAsync(new ChangeScope(caseId, null, since), user.UserId, CaseChanges));
    }

    public async Task<CaseDetail?> GetAsync(int caseId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var supportCase = await db.Cases.AsNoTracking().AsSplitQuery()
            .Include(c => c.Agencies).Include(c => c.Consents).Include(c => c.Events)
            .SingleOrDefaultAsync(c => c.Id == caseId);
        if (supportCase is null)
        {
            return null;
        }
        var viewer = await CaseAccess.ViewerAsync(db, user);
        if (!CaseAccess.CanRead(viewer, supportCase))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, caseId, detail: "ケースの閲覧");
            return null;
        }
        var household = await db.Households.AsNoTracking().Include(h => h.Members).SingleAsync(h => h.Id == supportCase.HouseholdId);
        var agencyNames = await AgencyNamesAsync(db);
        var coordinator = supportCase.CoordinatorStaffId is { } staffId
            ? await db.Staff.Where(s => s.Id == staffId).Select(s => s.Name).SingleOrDefaultAsync()
            : null;
        var today = JapanDate.Today(time.GetUtcNow());

        await audit.WriteAsync(user, AuditAction.CaseViewed, caseId, household.Id);
        return new CaseDetail(
            supportCase.Id,
            supportCase.Number,
            supportCase.Version,
            supportCase.Stage,
            supportCase.IntakeDate,
            supportCase.IntakeRoute,
            supportCase.ReferringAgencyId is { } referring ? agencyNames.GetValueOrDefault(referring) : null,
            supportCase.FiscalYear,
            supportCase.Concerns.Select(c => c.Category).ToList(),
            (await db.CategoryCatalogAsync()).NamesOf(supportCase.Concerns.Select(c => c.Category), new FiscalYear(supportCase.FiscalYear)),
            supportCase.IntakeSummary,
            supportCase.ConsulterName,
            supportCase.CurrentConsent,
            supportCase.LeadAgencyId is { } lead ? agencyNames.GetValueOrDefault(lead) : null,
            coordinator,
            household.Id,
            household.Address,
            HouseholdService.Members(household, today),
            supportCase.Agencies.OrderBy(a => a.Role).ThenBy(a => a.Since)
                .Select(a => new CaseAgencyView(a.AgencyId, agencyNames.GetValueOrDefault(a.AgencyId, "（不明な機関）"), a.Role, a.Since)).ToList(),
            supportCase.Consents.OrderBy(r => r.Date).ThenBy(r => r.Id)
                .Select(r => new ConsentView(r.Status, r.Date, r.Method, r.Note, r.RecordedByName, r.RecordedAt)).ToList(),
            supportCase.Events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Select(e => new TimelineEntry(e.At, e.Kind, e.Description, e.ActorName)).ToList(),
            supportCase.ClosedOn,
            supportCase.ClosureReason,
            supportCase.ClosureEvaluation,
            supportCase.IsClosed ? await FollowUps.NextAsync(db, caseId) : null,
            CaseAccess.CanEdit(user, viewer, supportCase),
            CaseAccess.CanManageAgencies(user, supportCase));
    }

    public Task<SaveResult> RecordConsentAsync(int caseId, int expectedVersion, ConsentForm form) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.ConsentRecorded, CaseWork.AnyEditor, async c =>
        {
            if (form.ToDetails() is not { } consent)
            {
                throw new DomainException("同意の状態を選択してください。", nameof(ConsentForm.Status));
            }
            c.Case.RecordConsent(consent, c.User.Actor, c.Now);
            if (consent.Status == ConsentStatus.Withdrawn)
            {
                // domain.md: from withdrawal on, the current 支援プラン stops; signed versions stay as records.
                foreach (var plan in await c.Db.Plans.Where(p => p.SupportCaseId == caseId).ToListAsync())
                {
                    if (plan.StopForWithdrawnConsent(c.Now))
                    {
                        c.Case.NotePlanChange($"本人同意の撤回により、{plan.Kind.Label()}（第{plan.PlanVersion}版）を停止しました。", c.User.Actor, c.Now);
                    }
                }
            }
            return $"本人同意: {consent.Status.Label()}";
        });

    public Task<SaveResult> SetLeadAgencyAsync(int caseId, int expectedVersion, int agencyId) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.CaseUpdated, CaseAccess.CanManageAgencies, async c =>
        {
            var agency = await FindAgencyAsync(c.Db, agencyId);
            c.Case.SetLeadAgency(agency, c.User.Actor, c.Now);
            return $"主担当機関: {agency.Name}";
        });

    public Task<SaveResult> InvolveAgencyAsync(int caseId, int expectedVersion, int agencyId) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.CaseUpdated, CaseAccess.CanManageAgencies, async c =>
        {
            var agency = await FindAgencyAsync(c.Db, agencyId);
            AgencyInvolvement.Involve(c.Case, agency, CaseAccess.Involver(c.User), c.Now);
            return $"関わる機関を追加: {agency.Name}";
        });

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

    public async Task<IReadOnlyList<AgencyOption>> GetAgencyOptionsAsync()
    {
        var user = await currentUser.GetAsync();
        if (!CaseAccess.SeesAllCases(user) && !CaseAccess.CanTakeIntake(user))
        {
            throw new AccessDeniedException();
        }
        await using var db = await factory.CreateDbContextAsync();
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Field).ThenBy(a => a.Name).ToListAsync();
        return agencies.Select(a => new AgencyOption(a.Id, a.Name, a.Field.Label(), a.IsActive)).ToList();
    }

    internal static async Task<Agency> FindAgencyAsync(JusoDbContext db, int agencyId) =>
        await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId)
        ?? throw new DomainException("指定された機関が見つかりません。", "AgencyId");

    internal static async Task<Dictionary<int, string>> AgencyNamesAsync(JusoDbContext db) =>
        await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);

    /// <summary>The categories to filter by: each once, under its latest name, in the master's order.</summary>
    public async Task<IReadOnlyList<CategoryOption>> CategoryOptionsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.CategoryCatalogAsync()).Latest().Select(e => new CategoryOption(e.Code, e.Name)).ToList();
    }

    /// <summary>The 相談分類 that can be chosen for a case of <paramref name="year"/> (intake, revision), in the master's order.</summary>
    public async Task<IReadOnlyList<CategoryOption>> CategoryOptionsAsync(FiscalYear year)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.CategoryCatalogAsync()).ListFor(year).Select(e => new CategoryOption(e.Code, e.Name)).ToList();
    }

    public Task<SaveResult> ReviseConcernsAsync(int caseId, int expectedVersion, IReadOnlyCollection<string> codes) =>
        work.ChangeAsync(caseId, expectedVersion, AuditAction.CaseUpdated, CaseWork.AnyEditor, async c =>
        {
            var catalog = await c.Db.CategoryCatalogAsync();
            c.Case.ReviseConcerns(codes, catalog, c.User.Actor, c.Now);
            return $"相談分類: {string.Join("・", catalog.NamesOf(codes, new FiscalYear(c.Case.FiscalYear)))}";
        });

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
