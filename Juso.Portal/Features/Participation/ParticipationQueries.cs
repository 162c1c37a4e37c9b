using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Participation;
using Juso.Domain.Plans;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Participation;

/// <summary>
/// Reads of 参加支援プラン. A plan is personal data of its case: it is listed and shown only to those who may see the case
/// (<see cref="CaseAccess"/>), and every view is audited with the case ids it showed.
/// </summary>
public sealed class ParticipationQueries(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    /// <summary>The plan in force for R4: the latest approved or active version, else the latest (to say why not).</summary>
    internal static Task<SupportPlan?> PlanInForceAsync(JusoDbContext db, int caseId) =>
        db.Plans.Where(p => p.SupportCaseId == caseId)
            .OrderByDescending(p => p.Status == PlanStatus.Approved || p.Status == PlanStatus.Active).ThenByDescending(p => p.PlanVersion)
            .FirstOrDefaultAsync();

    /// <summary>The case's 参加支援 tab; null when the user may not see the case.</summary>
    public async Task<CaseParticipation?> ForCaseAsync(int caseId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var viewer = await CaseAccess.ViewerAsync(db, user);
        var supportCase = await db.Cases.AsNoTracking().Include(c => c.Agencies).SingleOrDefaultAsync(c => c.Id == caseId);
        if (supportCase is null || !CaseAccess.CanRead(viewer, supportCase))
        {
            return null;
        }
        var plans = await SummariesAsync(db, db.ParticipationPlans.Where(p => p.SupportCaseId == caseId));
        var people = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == supportCase.HouseholdId).OrderBy(m => m.Relationship).ThenBy(m => m.Id)
            .Select(m => new PersonOption(m.Id, m.FamilyName + "\u3000" + m.GivenName)).ToListAsync();
        var why = ParticipationPlan.WhyNotAllowed(supportCase, await PlanInForceAsync(db, caseId));
        return new CaseParticipation(plans, why, people, CaseAccess.CanEdit(user, viewer, supportCase) && supportCase.Stage != CaseStage.Closed);
    }

    /// <summary>Plans of the cases the user may see, with the list's filters; audited with the cases listed.</summary>
    public async Task<IReadOnlyList<ParticipationSummary>> ListAsync(ParticipationFilter filter)
    {
        var user = await currentUser.GetAsync();
        var today = JapanDate.Today(time.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync();
        var visible = CaseAccess.Visible(db.Cases, await CaseAccess.ViewerAsync(db, user)).Select(c => c.Id);
        var query = db.ParticipationPlans.Where(p => visible.Contains(p.SupportCaseId));
        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        if (filter.MineOnly)
        {
            query = query.Where(p => p.WorkerUserId == user.UserId);
        }
        if (filter.DueOnly)
        {
            var until = today.AddDays(7);
            query = query.Where(p => p.NextFollowUpDue != null && p.NextFollowUpDue <= until);
        }
        if (filter.ResourceId is { } resourceId)
        {
            query = query.Where(p => p.MatchedResourceId == resourceId);
        }
        var rows = await SummariesAsync(db, query);
        if (rows.Count > 0)
        {
            await audit.WriteAsync(user, AuditAction.CaseListViewed, detail: $"参加支援プランの一覧 {rows.Count}件", caseIds: rows.Select(r => r.CaseId).ToList());
        }
        return rows;
    }

    /// <summary>The follow-ups due within a week or overdue of the plans the user follows up (their home page).</summary>
    public async Task<IReadOnlyList<DueFollowUp>> DueForMeAsync()
    {
        var user = await currentUser.GetAsync();
        var today = JapanDate.Today(time.GetUtcNow());
        var rows = await ListAsync(new ParticipationFilter(MineOnly: true, DueOnly: true));
        return rows.Where(r => r.Status != ParticipationStatus.Ended && r.NextFollowUpDue is not null)
            .Select(r => new DueFollowUp(r.Id, r.CaseId, r.CaseNumber, r.PersonName, r.ResourceName, r.NextFollowUpDue!.Value,
                Math.Max(0, today.DayNumber - r.NextFollowUpDue.Value.DayNumber)))
            .OrderBy(r => r.DueOn).ToList();
    }

    /// <summary>The plan page; null when the plan does not exist or its case is not the user's to see (a refusal is audited).</summary>
    public async Task<ParticipationPlanView?> GetAsync(int planId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var plan = await db.ParticipationPlans.AsNoTracking().AsSplitQuery().Include(p => p.Candidates).Include(p => p.FollowUps)
            .SingleOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return null;
        }
        var supportCase = await db.Cases.AsNoTracking().Include(c => c.Agencies).SingleAsync(c => c.Id == plan.SupportCaseId);
        var viewer = await CaseAccess.ViewerAsync(db, user);
        if (!CaseAccess.CanRead(viewer, supportCase))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, supportCase.Id, detail: AuditAction.ParticipationPlanViewed.Label());
            return null;
        }
        var person = await db.HouseholdMembers.AsNoTracking().Where(m => m.Id == plan.HouseholdMemberId).Select(m => m.FamilyName + "\u3000" + m.GivenName).SingleAsync();
        var supportPlan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == plan.SupportPlanId);
        var resourceIds = plan.Candidates.Select(c => c.SocialResourceId).Append(plan.MatchedResourceId ?? 0).ToList();
        var resources = (await ResourceDirectoryService.ByIdsAsync(db, resourceIds)).ToDictionary(r => r.Id);
        await audit.WriteAsync(user, AuditAction.ParticipationPlanViewed, supportCase.Id, supportCase.HouseholdId, $"参加支援プラン {plan.Id}");
        return new ParticipationPlanView(plan.Id, plan.Version, supportCase.Id, supportCase.Number, person, supportPlan.PlanVersion,
            supportPlan.ApprovalNote ?? JapaneseFormat.Date(supportPlan.ApprovedOn!.Value), plan.Goal, plan.Status, plan.WorkerName, plan.CreatedOn, plan.FollowUpIntervalDays,
            plan.Candidates.OrderBy(c => c.Order).Select(c => resources[c.SocialResourceId]).ToList(),
            plan.MatchedResourceId is { } matched ? resources[matched] : null, plan.PersonWishes, plan.HostBriefing, plan.HostAgreement, plan.ConsentOn,
            plan.MatchedOn, plan.TrialFrom, plan.TrialUntil, plan.NextFollowUpDue,
            plan.FollowUps.OrderByDescending(f => f.VisitedOn).ThenByDescending(f => f.Id)
                .Select(f => new FollowUpView(f.Id, f.VisitedOn, f.Target, f.Note, f.RecordedByName, f.DueOn)).ToList(),
            plan.EndedOn, plan.Outcome, plan.OutcomeNote, CaseAccess.CanEdit(user, viewer, supportCase));
    }

    private static async Task<List<ParticipationSummary>> SummariesAsync(JusoDbContext db, IQueryable<ParticipationPlan> plans)
    {
        var rows = await (from p in plans.AsNoTracking()
                          join c in db.Cases on p.SupportCaseId equals c.Id
                          join m in db.HouseholdMembers on p.HouseholdMemberId equals m.Id
                          orderby p.Status == ParticipationStatus.Ended, p.NextFollowUpDue, p.Id descending
                          select new
                          {
                              p.Id, CaseId = c.Id, c.FiscalYear, c.Sequence, Person = m.FamilyName + "\u3000" + m.GivenName, p.Goal, p.Status,
                              Resource = db.SocialResources.Where(r => r.Id == p.MatchedResourceId).Select(r => r.Name).FirstOrDefault(),
                              p.WorkerName, p.CreatedOn, p.NextFollowUpDue,
                          }).Take(500).ToListAsync();
        return rows.Select(r => new ParticipationSummary(r.Id, r.CaseId, SupportCase.FormatNumber(r.FiscalYear, r.Sequence), r.Person, r.Goal, r.Status, r.Resource,
            r.WorkerName, r.CreatedOn, r.NextFollowUpDue)).ToList();
    }
}
