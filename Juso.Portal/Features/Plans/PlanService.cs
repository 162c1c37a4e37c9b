using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Plans;

/// <summary>
/// Plans of a case: drafting, role assignments, approval, start of support and 再プラン. Structure changes (goals,
/// lead, which agencies take part) are for the coordinating roles; an agency member may update its own
/// agency's assignment.
/// </summary>
public sealed class PlanService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, CaseWork work)
{
    public async Task<IReadOnlyList<PlanView>> PlansAsync(int caseId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var supportCase = await db.Cases.AsNoTracking().Include(c => c.Agencies).SingleOrDefaultAsync(c => c.Id == caseId);
        if (supportCase is null || !CaseAccess.CanRead(await CaseAccess.ViewerAsync(db, user), supportCase))
        {
            if (supportCase is not null)
            {
                await audit.WriteAsync(user, AuditAction.AccessDenied, caseId, detail: "プランの閲覧");
            }
            return [];
        }
        var plans = await db.Plans.AsNoTracking().AsSplitQuery().Include(p => p.Goals).Include(p => p.Assignments)
            .Where(p => p.SupportCaseId == caseId).OrderByDescending(p => p.PlanVersion).ToListAsync();
        var names = await CaseService.AgencyNamesAsync(db);
        return plans.Select(p => View(p, names)).ToList();
    }

    /// <summary>
    /// After a lost race: the plan as saved now and who saved it since <paramref name="since"/> (when the loser loaded it),
    /// for <c>ConflictNotice</c>.
    /// </summary>
    public async Task<SavedPlan> SavedStateAsync(int caseId, int planId, DateTime since)
    {
        var plan = (await PlansAsync(caseId)).FirstOrDefault(p => p.Id == planId);
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var caseVersion = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleOrDefaultAsync();
        return new SavedPlan(plan, caseVersion, await audit.LastChangeAsync(new ChangeScope(caseId, null, since), user.UserId,
            AuditAction.PlanChanged, AuditAction.MeetingBoardChanged, AuditAction.StageChanged, AuditAction.ConsentRecorded, AuditAction.CaseUpdated));
    }

    public Task<SaveResult> CreateDraftAsync(int caseId) =>
        work.ChangeAsync(caseId, null, AuditAction.PlanChanged, CaseAccess.CanManageAgencies, async c =>
        {
            if (await c.Db.Plans.AnyAsync(p => p.SupportCaseId == caseId))
            {
                throw new DomainException("このケースには既にプランがあります。変更は最新の版で、見直しは再プランで行ってください。");
            }
            var plan = SupportPlan.Draft(c.Case, c.Now);
            c.Db.Plans.Add(plan);
            c.Case.NotePlanChange($"{plan.Kind.Label()}（第1版）の案を作成しました。", c.User.Actor, c.Now);
            c.Created = () => plan.Id;
            return $"{plan.Kind.Label()} 第1版 作成";
        });

    public Task<SaveResult> ReviseDraftAsync(int caseId, int planId, int expectedPlanVersion, PlanDraftForm form) =>
        work.ChangeAsync(caseId, null, AuditAction.PlanChanged, CaseAccess.CanManageAgencies, async c =>
        {
            var plan = await PlanAsync(c, planId, expectedPlanVersion);
            var lead = form.LeadAgencyId is { } id ? await ExistingAgencyAsync(c.Db, id, nameof(PlanDraftForm.LeadAgencyId)) : null;
            plan.ReviseDraft(form.Goals.Select(g => new GoalDetails(g.Term, g.Text)).ToList(), lead, form.UsesParticipationSupport, form.UsesOutreach,
                form.MonitoringIntervalDays, c.Now);
            if (lead is not null)
            {
                c.Case.SetLeadAgency(lead, c.User.Actor, c.Now);
            }
            c.Created = () => plan.Id;
            return $"第{plan.PlanVersion}版の目標・設定";
        });

    public Task<SaveResult> AddAssignmentAsync(int caseId, int planId, int expectedPlanVersion, AssignmentForm form) =>
        work.ChangeAsync(caseId, null, AuditAction.PlanChanged, CaseAccess.CanManageAgencies, async c =>
        {
            var plan = await PlanAsync(c, planId, expectedPlanVersion);
            var agency = form.AgencyId is { } id ? await c.Db.Agencies.SingleOrDefaultAsync(a => a.Id == id) : null;
            AgencyInvolvement.Assign(c.Case, plan, null, form.ToDetails(), agency, CaseAccess.Involver(c.User), c.Now);
            c.Created = () => plan.Id;
            return $"役割分担を追加: {agency!.Name}";
        });

    /// <summary>Changes one assignment, guarded by that assignment's own version (a meeting edits several at once).</summary>
    public Task<SaveResult> UpdateAssignmentAsync(int caseId, int planId, int assignmentId, int expectedAssignmentVersion, AssignmentForm form) =>
        work.ChangeAsync(caseId, null, AuditAction.PlanChanged, CaseWork.AnyEditor, async c =>
        {
            var plan = await c.Db.Plans.Include(p => p.Assignments).SingleOrDefaultAsync(p => p.Id == planId && p.SupportCaseId == caseId)
                ?? throw new DomainException("プランが見つかりません。画面を再読み込みしてください。");
            var assignment = plan.Assignments.SingleOrDefault(a => a.Id == assignmentId)
                ?? throw new DomainException("この役割分担は見つかりません。画面を再読み込みしてください。");
            if (!CaseAccess.CanManageAgencies(c.User, c.Case) && (assignment.AgencyId != c.User.AgencyId || form.AgencyId != assignment.AgencyId))
            {
                throw new DomainException("自分の機関の役割分担だけを変更できます。");
            }
            ExpectVersion(c.Db.Entry(assignment).Property(a => a.Version), expectedAssignmentVersion);
            var agency = form.AgencyId is { } id ? await c.Db.Agencies.SingleOrDefaultAsync(a => a.Id == id) : null;
            AgencyInvolvement.Assign(c.Case, plan, assignmentId, form.ToDetails(), agency, CaseAccess.Involver(c.User), c.Now);
            c.Created = () => plan.Id;
            return $"役割分担を変更: {agency?.Name}";
        });

    public Task<SaveResult> RemoveAssignmentAsync(int caseId, int planId, int expectedPlanVersion, int assignmentId) =>
        work.ChangeAsync(caseId, null, AuditAction.PlanChanged, CaseAccess.CanManageAgencies, async c =>
        {
            var plan = await PlanAsync(c, planId, expectedPlanVersion);
            plan.RemoveAssignment(assignmentId, c.Now);
            c.Created = () => plan.Id;
            return "役割分担を削除";
        });

    public Task<SaveResult> StartSupportAsync(int caseId, int expectedCaseVersion, int planId, DateTime? startOn, DateTime? firstMonitoringDue) =>
        work.ChangeAsync(caseId, expectedCaseVersion, AuditAction.StageChanged, CaseAccess.CanManageAgencies, async c =>
        {
            var plan = await c.Db.Plans.SingleOrDefaultAsync(p => p.Id == planId && p.SupportCaseId == caseId)
                ?? throw new DomainException("プランが見つかりません。画面を再読み込みしてください。");
            if (startOn is null)
            {
                throw new DomainException("支援の開始日を入力してください。", nameof(SupportPlan.StartOn));
            }
            c.Case.StartSupport(plan, DateOnly.FromDateTime(startOn.Value), firstMonitoringDue is { } due ? DateOnly.FromDateTime(due) : null, c.User.Actor, c.Now);
            c.Created = () => plan.Id;
            return $"第{plan.PlanVersion}版で支援開始";
        });

    public Task<SaveResult> ReplanAsync(int caseId, int expectedCaseVersion, string? evaluation) =>
        work.ChangeAsync(caseId, expectedCaseVersion, AuditAction.PlanChanged, CaseAccess.CanManageAgencies, async c =>
        {
            var current = await CoordinationService.CurrentPlanAsync(c.Db, caseId)
                ?? throw new DomainException("再プランのもとになるプランがありません。");
            var next = c.Case.Replan(current, evaluation, c.User.Actor, c.Now);
            c.Db.Plans.Add(next);
            c.Created = () => next.Id;
            return $"再プラン（第{next.PlanVersion}版）";
        });

    private static async Task<SupportPlan> PlanAsync(CaseChange c, int planId, int expectedPlanVersion)
    {
        var plan = await c.Db.Plans.AsSplitQuery().Include(p => p.Goals).Include(p => p.Assignments)
                       .SingleOrDefaultAsync(p => p.Id == planId && p.SupportCaseId == c.Case.Id)
                   ?? throw new DomainException("プランが見つかりません。画面を再読み込みしてください。");
        ExpectVersion(c.Db.Entry(plan).Property(p => p.Version), expectedPlanVersion);
        return plan;
    }

    /// <summary>Refuses a stale edit now, and makes the UPDATE itself check the version the user saw.</summary>
    private static void ExpectVersion(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry<SupportPlan, int> version, int expected) =>
        Expect(version.CurrentValue, expected, () => version.OriginalValue = expected);

    private static void ExpectVersion(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry<RoleAssignment, int> version, int expected) =>
        Expect(version.CurrentValue, expected, () => version.OriginalValue = expected);

    private static void Expect(int current, int expected, Action pin)
    {
        if (current != expected)
        {
            throw new StaleVersionException();
        }
        pin();
    }

    private static async Task<Agency> ExistingAgencyAsync(JusoDbContext db, int id, string field) =>
        await db.Agencies.SingleOrDefaultAsync(a => a.Id == id) ?? throw new DomainException("選択された機関が見つかりません。", field);

    internal static PlanView View(SupportPlan p, IReadOnlyDictionary<int, string> names) => new(
        p.Id, p.Version, p.PlanVersion, p.Kind, p.Status, p.LeadAgencyId, p.LeadAgencyId is { } lead ? names.GetValueOrDefault(lead) : null,
        p.UsesParticipationSupport, p.UsesOutreach, p.MonitoringIntervalDays, p.StartOn, p.NextMonitoringDue, p.ApprovedOn, p.ApprovalNote, p.EndedOn, p.EndNote,
        p.Goals.OrderBy(g => g.Term).ThenBy(g => g.Order).Select(g => new GoalView(g.Id, g.Term, g.Text)).ToList(),
        p.Assignments.OrderBy(a => a.Id).Select(a => new AssignmentView(a.Id, a.Version, a.AgencyId, names.GetValueOrDefault(a.AgencyId, "（不明な機関）"),
            a.PersonInCharge, a.Task, a.Frequency, a.Status, a.StartOn, a.EndOn)).ToList());
}
