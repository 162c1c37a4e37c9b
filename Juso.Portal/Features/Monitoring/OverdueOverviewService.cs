using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Monitoring;

public sealed record OverdueRow(int CaseId, string CaseNumber, string PrincipalName, string LeadAgency, string Coordinator, int PlanVersion, DateOnly DueOn, int DaysOverdue, bool Escalated);

/// <summary>
/// A supervisor's overview of overdue monitoring across every agency (the same scan as the alert job), one page at a
/// time: at 100,000 cases the overdue set runs to thousands, which one render batch would not carry (docs/benchmarks.md).
/// </summary>
public sealed class OverdueOverviewService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public const int PageSize = 50;

    public static bool MayView(UserContext user) => user.IsInRole(JusoRoles.Supervisor) || user.IsInRole(JusoRoles.Chair) || user.IsInRole(JusoRoles.Coordinator);

    /// <summary>
    /// Page <paramref name="page"/> (from 0) of the overdue plans, the most overdue first (or the least, for
    /// <paramref name="mostOverdueFirst"/> false), with the count of all; the view is audited with the cases on the page.
    /// </summary>
    public async Task<PagedResult<OverdueRow>> OverdueAsync(int page, bool mostOverdueFirst = true, int pageSize = PageSize)
    {
        var user = await currentUser.GetAsync();
        if (!MayView(user))
        {
            throw new AccessDeniedException();
        }
        var now = time.GetUtcNow();
        var today = JapanDate.Today(now);
        await using var db = await factory.CreateDbContextAsync();
        var settings = await ReminderSettingsService.CurrentAsync(db, now);
        var yesterday = today.AddDays(-1);
        var total = await MonitoringAlerts.DueBy(db, MonitoringAlerts.Beginning, yesterday).CountAsync();
        var plans = await MonitoringAlerts.DueBy(db, MonitoringAlerts.Beginning, yesterday, latestFirst: !mostOverdueFirst).Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync();
        var caseIds = plans.Select(p => p.CaseId).ToList();
        var principals = await (from c in db.Cases.AsNoTracking()
                                join m in db.HouseholdMembers.AsNoTracking() on c.HouseholdId equals m.HouseholdId
                                where caseIds.Contains(c.Id) && m.Relationship == Relationship.Principal
                                select new { c.Id, Name = m.FamilyName + "\u3000" + m.GivenName }).ToListAsync();
        var names = principals.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Name);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        var staffIds = plans.Select(p => p.CoordinatorStaffId).OfType<int>().Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
        await audit.WriteAsync(user, AuditAction.CaseListViewed, detail: $"モニタリング期限切れの一覧（全機関） {total}件中 {page + 1}ページ目", caseIds: caseIds);
        return new PagedResult<OverdueRow>(plans.Select(p =>
        {
            var days = today.DayNumber - p.DueOn.DayNumber;
            return new OverdueRow(p.CaseId, p.CaseNumber, names.GetValueOrDefault(p.CaseId, "（本人未登録）"),
                p.LeadAgencyId is { } a ? agencies.GetValueOrDefault(a, "—") : "（未設定）",
                p.CoordinatorStaffId is { } s ? staff.GetValueOrDefault(s, "—") : "（未設定）",
                p.PlanVersion, p.DueOn, days, days >= settings.EscalationGraceDays);
        }).ToList(), total);
    }
}
