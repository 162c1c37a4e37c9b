using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Statistics;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Reports;

/// <summary>
/// 年度別実績: the coordinating roles see every agency's figures, an agency member the figures of the cases its agency
/// has a part in. The drill-down lists only the cases the viewer may read (<see cref="CaseAccess"/>); the rest are
/// counted, never listed. Every view is audited.
/// </summary>
public sealed class ReportService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, DocumentOptions options,
    TimeProvider time, IEnumerable<IIndicatorSource> indicatorSources, ReportYearCache cache)
{
    public const int MaxDrillDownRows = 200;

    public static bool MayView(UserContext user) =>
        CaseAccess.SeesAllCases(user) || (user.IsInRole(JusoRoles.AgencyMember) && user.AgencyId is not null);

    /// <summary>The 年度 of today, and the first one the data has (for the range pickers).</summary>
    public async Task<(FiscalYear Current, FiscalYear Earliest)> YearsAsync()
    {
        var current = FiscalYear.Of(JapanDate.Today(time.GetUtcNow()));
        await using var db = await factory.CreateDbContextAsync();
        var first = await db.Cases.AsNoTracking().MinAsync(c => (DateOnly?)c.IntakeDate);
        return (current, first is { } date ? FiscalYear.Of(date) : current);
    }

    public async Task<ReportView> ReportAsync(FiscalYear from, FiscalYear to, CancellationToken cancellationToken = default)
    {
        var user = await RequireViewerAsync();
        var years = YearlyReport.Range(from, to);
        await using var db = await factory.CreateDbContextAsync();
        var view = await ComputeAsync(db, user, years, cancellationToken);
        await audit.WriteAsync(user, AuditAction.ReportViewed, detail: $"{view.YearsLabel}（{view.ScopeLabel}）");
        return view;
    }

    /// <summary>
    /// Counts and keeps the municipality's closed 年度 that the widest report ending today shows (<see cref="ReportWarmUp"/>,
    /// after start; no user, nothing shown, nothing audited). Returns how many were counted.
    /// </summary>
    public async Task<int> WarmAsync(CancellationToken cancellationToken)
    {
        var (current, earliest) = await YearsAsync();
        var first = Math.Max(earliest.StartYear, current.StartYear - YearlyReport.MaxYears + 1);
        if (!cache.Enabled || first >= current.StartYear)
        {
            return 0;
        }
        var years = YearlyReport.Range(new FiscalYear(first), new FiscalYear(current.StartYear - 1));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var categories = await db.ConcernCategories.AsNoTracking().ToListAsync(cancellationToken);
        await ColumnsAsync(db, years, null, JapanDate.Today(time.GetUtcNow()), categories, cancellationToken);
        return years.Count;
    }

    /// <summary>The cases behind the figure of <paramref name="rowKey"/> in <paramref name="year"/>.</summary>
    public async Task<DrillDown?> DrillDownAsync(string rowKey, FiscalYear year, CancellationToken cancellationToken = default)
    {
        var user = await RequireViewerAsync();
        await using var db = await factory.CreateDbContextAsync();
        var view = await ComputeAsync(db, user, [year], cancellationToken);
        var line = view.Report.Line(rowKey);
        if (line?.Cells[0] is not { } figure)
        {
            return null;
        }
        var viewer = await CaseAccess.ViewerAsync(db, user);
        var ids = figure.CaseIds;
        var visibleIds = await CaseAccess.Visible(db.Cases.AsNoTracking(), viewer).Where(c => ids.Contains(c.Id))
            .OrderBy(c => c.IntakeDate).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var shownIds = visibleIds.Take(MaxDrillDownRows).ToList();
        var cases = await (from c in db.Cases.AsNoTracking()
                           where shownIds.Contains(c.Id)
                           select new { c.Id, c.FiscalYear, c.Sequence, c.IntakeDate, c.ClosedOn, c.Stage, c.HouseholdId }).ToListAsync(cancellationToken);
        var householdIds = cases.Select(c => c.HouseholdId).Distinct().ToList();
        var principals = (await db.HouseholdMembers.AsNoTracking()
                .Where(m => householdIds.Contains(m.HouseholdId) && m.Relationship == Relationship.Principal)
                .Select(m => new { m.HouseholdId, Name = m.FamilyName + "\u3000" + m.GivenName }).ToListAsync(cancellationToken))
            .GroupBy(m => m.HouseholdId).ToDictionary(g => g.Key, g => g.First().Name);
        var rows = cases.OrderBy(c => shownIds.IndexOf(c.Id))
            .Select(c => new DrillDownCase(c.Id, SupportCase.FormatNumber(c.FiscalYear, c.Sequence), principals.GetValueOrDefault(c.HouseholdId, "（本人未登録）"),
                c.IntakeDate, c.ClosedOn, c.Stage.Label()))
            .ToList();
        await audit.WriteAsync(user, AuditAction.CaseListViewed,
            detail: $"年度別実績の内訳 {JapaneseFormat.FiscalYear(year)} {line.Row.Label}（{view.ScopeLabel}） {rows.Count}件表示、閲覧権限のないケース{ids.Count - visibleIds.Count}件",
            caseIds: shownIds);
        return new DrillDown(line.Row.Label, year, figure.Value, rows, ids.Count - visibleIds.Count, visibleIds.Count - shownIds.Count);
    }

    /// <summary>The report for <paramref name="user"/>'s scope, without auditing (the export audits its own way).</summary>
    internal async Task<ReportView> ComputeAsync(JusoDbContext db, UserContext user, IReadOnlyList<FiscalYear> years, CancellationToken cancellationToken)
    {
        var asOf = JapanDate.Today(time.GetUtcNow());
        var agencyId = CaseAccess.SeesAllCases(user) ? null : user.AgencyId;
        var categories = await db.ConcernCategories.AsNoTracking().ToListAsync(cancellationToken);
        var report = YearlyReport.Assemble(years, categories, await ColumnsAsync(db, years, agencyId, asOf, categories, cancellationToken));
        var scope = agencyId is { } id
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).SingleAsync(cancellationToken) + "が関わるケース"
            : "全機関";
        var indicators = agencyId is null ? await IndicatorsAsync(db, report, cancellationToken) : [];
        return new ReportView(options.Municipality, scope, agencyId is null, report, indicators, asOf);
    }

    /// <summary>
    /// One column per year: a closed 年度 from <see cref="ReportYearCache"/> when kept, the rest counted from the facts of
    /// just those years and the closed ones among them kept (docs/adr/0026).
    /// </summary>
    private async Task<IReadOnlyList<IReadOnlyDictionary<string, Figure?>>> ColumnsAsync(JusoDbContext db, IReadOnlyList<FiscalYear> years, int? agencyId, DateOnly asOf,
        IReadOnlyCollection<ConcernCategoryEntry> categories, CancellationToken cancellationToken)
    {
        var columns = years.Select(y => y.LastDay < asOf ? cache.Find(agencyId, y) : null).ToArray();
        var missing = years.Where((_, i) => columns[i] is null).ToList();
        if (missing.Count == 0)
        {
            return columns!;
        }
        var generation = cache.Generation;
        var facts = await ReportQueries.LoadAsync(db, missing, agencyId, asOf, cancellationToken);
        for (var i = 0; i < years.Count; i++)
        {
            if (columns[i] is null)
            {
                columns[i] = YearlyReport.Column(facts, years[i], categories);
                if (years[i].LastDay < asOf)
                {
                    cache.Keep(agencyId, years[i], columns[i]!, generation);
                }
            }
        }
        return columns!;
    }

    private async Task<IReadOnlyList<IndicatorLine>> IndicatorsAsync(JusoDbContext db, YearlyReport report, CancellationToken cancellationToken)
    {
        var startYears = report.Years.Select(y => y.StartYear).ToList();
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => startYears.Contains(t.FiscalYear)).ToListAsync(cancellationToken);
        var fromSources = new Dictionary<(Indicator, int), decimal>();
        foreach (var source in indicatorSources)
        {
            foreach (var year in report.Years)
            {
                foreach (var (indicator, value) in await source.ActualsAsync(year, cancellationToken))
                {
                    fromSources[(indicator, year.StartYear)] = value;
                }
            }
        }
        var lines = new List<IndicatorLine>();
        foreach (var definition in IndicatorDefinition.All)
        {
            var cells = new List<IndicatorCell>();
            foreach (var year in report.Years)
            {
                var target = targets.FirstOrDefault(t => t.FiscalYear == year.StartYear)?.TargetOf(definition.Indicator);
                var actual = definition.ReportRow is { } row
                    ? report.Cell(row, year)?.Value
                    : fromSources.TryGetValue((definition.Indicator, year.StartYear), out var counted) ? counted : (decimal?)null;
                cells.Add(new IndicatorCell(target, actual,
                    target is { } t1 && actual is { } a1 ? definition.IsAchieved(a1, t1) : null,
                    target is { } t2 && actual is { } a2 ? definition.AchievementRate(a2, t2) : null));
            }
            lines.Add(new IndicatorLine(definition, cells));
        }
        return lines;
    }

    private async Task<UserContext> RequireViewerAsync()
    {
        var user = await currentUser.GetAsync();
        if (!MayView(user))
        {
            throw new AccessDeniedException();
        }
        return user;
    }
}
