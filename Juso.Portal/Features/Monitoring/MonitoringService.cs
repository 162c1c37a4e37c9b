using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Monitoring;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Monitoring;

public sealed record MonitoringView(int Id, int PlanVersion, DateOnly? DueOn, DateOnly ReviewedOn, string Findings, DateOnly NextDueOn, string ReviewedBy,
    IReadOnlyList<(string Goal, GoalProgress Progress, string? Note)> Goals, IReadOnlyList<(string Assignment, string? Note)> Assignments);

public sealed record DueItem(int CaseId, string CaseNumber, string PrincipalName, int PlanVersion, DateOnly DueOn, int DaysOverdue);

public sealed class MonitoringForm
{
    public DateTime? ReviewedOn { get; set; }

    public string? Findings { get; set; }

    public Dictionary<int, GoalProgress> GoalProgress { get; set; } = [];

    public Dictionary<int, string?> GoalNotes { get; set; } = [];

    public Dictionary<int, string?> AssignmentNotes { get; set; } = [];

    public DateTime? NextDueOn { get; set; }
}

/// <summary>モニタリング: reviews of active plans, and what is due or overdue for the signed-in user's cases.</summary>
public sealed class MonitoringService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, CaseWork work, TimeProvider time)
{
    public Task<SaveResult> RecordAsync(int caseId, int planId, int expectedPlanVersion, MonitoringForm form) =>
        work.ChangeAsync(caseId, null, AuditAction.MonitoringRecorded, CaseWork.AnyEditor, async c =>
        {
            var plan = await c.Db.Plans.AsSplitQuery().Include(p => p.Goals).Include(p => p.Assignments)
                           .SingleOrDefaultAsync(p => p.Id == planId && p.SupportCaseId == caseId)
                       ?? throw new DomainException("プランが見つかりません。画面を再読み込みしてください。");
            if (plan.Version != expectedPlanVersion)
            {
                throw new StaleVersionException();
            }
            c.Db.Entry(plan).Property(p => p.Version).OriginalValue = expectedPlanVersion;
            var details = new MonitoringDetails(
                form.ReviewedOn is { } r ? DateOnly.FromDateTime(r) : null,
                form.Findings,
                plan.Goals.Select(g => new GoalReviewDetails(g.Id, form.GoalProgress.GetValueOrDefault(g.Id, GoalProgress.Unchanged), form.GoalNotes.GetValueOrDefault(g.Id))).ToList(),
                plan.Assignments.Where(a => form.AssignmentNotes.ContainsKey(a.Id)).Select(a => new AssignmentReviewDetails(a.Id, form.AssignmentNotes[a.Id])).ToList(),
                form.NextDueOn is { } n ? DateOnly.FromDateTime(n) : null);
            var review = MonitoringReview.Record(plan, details, c.User.Actor, c.Now);
            c.Db.MonitoringReviews.Add(review);
            c.Case.NotePlanChange($"モニタリングを記録しました（次回 {JapaneseFormat.WarekiDateWithWeekday(review.NextDueOn)}）。", c.User.Actor, c.Now);
            c.Created = () => review.Id;
            return $"モニタリング（第{plan.PlanVersion}版）";
        });

    /// <summary>After a lost race: who changed the plan under review since <paramref name="since"/> (when the form was loaded).</summary>
    public async Task<SavedBy?> LastChangeAsync(int caseId, DateTime since)
    {
        var user = await currentUser.GetAsync();
        return await audit.LastChangeAsync(new ChangeScope(caseId, null, since), user.UserId,
            AuditAction.MonitoringRecorded, AuditAction.PlanChanged, AuditAction.PlanApproved, AuditAction.MeetingBoardChanged, AuditAction.StageChanged);
    }

    public async Task<IReadOnlyList<MonitoringView>> ReviewsAsync(int caseId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        if (!await CaseAccess.Visible(db.Cases, await CaseAccess.ViewerAsync(db, user)).AnyAsync(c => c.Id == caseId))
        {
            return [];
        }
        var plans = await db.Plans.AsNoTracking().AsSplitQuery().Include(p => p.Goals).Include(p => p.Assignments).Where(p => p.SupportCaseId == caseId).ToListAsync();
        var names = await CaseService.AgencyNamesAsync(db);
        var reviews = await db.MonitoringReviews.AsNoTracking().AsSplitQuery().Include(r => r.Goals).Include(r => r.Assignments)
            .Where(r => r.SupportCaseId == caseId).OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id).ToListAsync();
        var goals = plans.SelectMany(p => p.Goals).ToDictionary(g => g.Id, g => g.Text);
        var assignments = plans.SelectMany(p => p.Assignments).ToDictionary(a => a.Id, a => $"{names.GetValueOrDefault(a.AgencyId)}: {a.Task}");
        return reviews.Select(r => new MonitoringView(r.Id, plans.Single(p => p.Id == r.SupportPlanId).PlanVersion, r.DueOn, r.ReviewedOn, r.Findings, r.NextDueOn, r.ReviewedByName,
            r.Goals.Select(g => (goals.GetValueOrDefault(g.GoalId, "（削除された目標）"), g.Progress, g.Note)).ToList(),
            r.Assignments.Select(a => (assignments.GetValueOrDefault(a.AssignmentId, "（削除された役割）"), a.Note)).ToList())).ToList();
    }

    /// <summary>The rows of the home page's list per page; the rest are a page away (docs/benchmarks.md, issue 15).</summary>
    public const int DuePageSize = 10;

    /// <summary>
    /// The home page counts and pages this many at most: counting every due plan of 100,000 cases through the
    /// confidentiality rule would cost more than the page; beyond it the page says 「100件以上」 and points to the full list.
    /// </summary>
    public const int DueCountLimit = 100;

    /// <summary>
    /// Page <paramref name="page"/> (from 0) of the active plans of the cases the user works on whose monitoring is due
    /// within <paramref name="days"/> days or overdue, most overdue first, with their count up to
    /// <paramref name="countLimit"/> + 1 (more than the limit means 「以上」; no page beyond it). A coordinator sees the cases they are assigned
    /// to; others every case they may edit.
    /// </summary>
    public async Task<PagedResult<DueItem>> DueAsync(int days = 7, int page = 0, int pageSize = DuePageSize, int countLimit = DueCountLimit)
    {
        var user = await currentUser.GetAsync();
        var today = JapanDate.Today(time.GetUtcNow());
        var until = today.AddDays(days);
        await using var db = await factory.CreateDbContextAsync();
        var cases = CaseAccess.Visible(db.Cases.AsNoTracking(), await CaseAccess.ViewerAsync(db, user));
        if (CaseService.IsAssignedCoordinator(user))
        {
            cases = cases.Where(c => c.CoordinatorStaffId == user.StaffId);
        }
        var due = from p in db.Plans.AsNoTracking()
                  join c in cases on p.SupportCaseId equals c.Id
                  where p.Status == PlanStatus.Active && p.NextMonitoringDue != null && p.NextMonitoringDue <= until
                        && c.Stage != Domain.Cases.CaseStage.Closed
                  select new { c.Id, c.FiscalYear, c.Sequence, c.HouseholdId, p.PlanVersion, Due = p.NextMonitoringDue!.Value };
        var total = await due.Take(countLimit + 1).CountAsync();
        var skip = Math.Clamp(page, 0, Math.Max(0, countLimit - 1) / pageSize) * pageSize;
        var rows = await due.OrderBy(r => r.Due).ThenBy(r => r.Id).Skip(skip).Take(Math.Min(pageSize, countLimit - skip)).ToListAsync();
        // The principals of just this page's households, by id (a lookup in the projection would number every household's members).
        var householdIds = rows.Select(r => r.HouseholdId).Distinct().ToList();
        var principals = (await db.HouseholdMembers.AsNoTracking()
                .Where(m => householdIds.Contains(m.HouseholdId) && m.Relationship == Relationship.Principal)
                .Select(m => new { m.HouseholdId, Name = m.FamilyName + "\u3000" + m.GivenName }).ToListAsync())
            .GroupBy(m => m.HouseholdId).ToDictionary(g => g.Key, g => g.First().Name);
        await audit.WriteAsync(user, AuditAction.CaseListViewed, detail: $"モニタリング期限の一覧 {DueCountText(total, countLimit)}中 {skip / pageSize + 1}ページ目", caseIds: rows.Select(r => r.Id).ToList());
        return new PagedResult<DueItem>(rows.Select(r => new DueItem(r.Id, Domain.Cases.SupportCase.FormatNumber(r.FiscalYear, r.Sequence),
            principals.GetValueOrDefault(r.HouseholdId, "（本人未登録）"), r.PlanVersion, r.Due, Math.Max(0, today.DayNumber - r.Due.DayNumber))).ToList(), total);
    }

    /// <summary>「3件」, or 「100件以上」 past the limit.</summary>
    public static string DueCountText(int total, int limit = DueCountLimit) => total > limit ? $"{limit}件以上" : $"{total}件";
}
