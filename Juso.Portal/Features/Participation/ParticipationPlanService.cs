using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Participation;
using Juso.Domain.Plans;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Participation;

/// <summary>
/// Changes to 参加支援プラン, each through <see cref="CaseWork"/>: the user must be able to edit the case, the version they saw
/// must be current, and the change is saved with its audit row (with the case id). R4 is the domain's
/// (<see cref="ParticipationPlan.WhyNotAllowed"/>).
/// </summary>
public sealed class ParticipationPlanService(CaseWork work, IDbContextFactory<Infrastructure.Persistence.JusoDbContext> factory)
{
    public Task<SaveResult> CreateAsync(int caseId, NewParticipationForm form) =>
        work.ChangeAsync(caseId, null, AuditAction.ParticipationPlanChanged, CaseWork.AnyEditor, async c =>
        {
            var supportPlan = await ParticipationQueries.PlanInForceAsync(c.Db, caseId);
            var household = await c.Db.Households.Include(h => h.Members).SingleAsync(h => h.Id == c.Case.HouseholdId);
            var plan = ParticipationPlan.Create(c.Case, supportPlan, household, form.MemberId, form.Goal, form.FollowUpIntervalDays, c.User.Actor, c.Now);
            c.Db.ParticipationPlans.Add(plan);
            c.Case.NotePlanChange($"参加支援プランを作成しました（{supportPlan!.Kind.Label()} 第{supportPlan.PlanVersion}版にもとづく）。", c.User.Actor, c.Now);
            c.Created = () => plan.Id;
            return "参加支援プランの作成";
        });

    /// <summary>The goal revised on a plan that has not ended; the version the user saw must be current.</summary>
    public Task<SaveResult> ReviseGoalAsync(int planId, int expectedVersion, string? goal) =>
        ChangeAsync(planId, expectedVersion, (c, plan) =>
        {
            plan.ReviseGoal(goal, c.Now);
            c.Case.NotePlanChange("参加支援プランの目標を変更しました。", c.User.Actor, c.Now);
            return Task.FromResult($"参加支援プラン {planId} の目標");
        });

    public Task<SaveResult> SetCandidatesAsync(int planId, int expectedVersion, IReadOnlyCollection<int> resourceIds) =>
        ChangeAsync(planId, expectedVersion, async (c, plan) =>
        {
            var resources = await c.Db.SocialResources.Where(r => resourceIds.Contains(r.Id)).ToListAsync();
            plan.SetCandidates(resourceIds.Select(id => resources.FirstOrDefault(r => r.Id == id)).OfType<SocialResource>().ToList(), c.Now);
            return $"参加支援プラン {planId} の候補（{resources.Count}件）";
        });

    public Task<SaveResult> MatchAsync(int planId, int expectedVersion, MatchingForm form) =>
        ChangeAsync(planId, expectedVersion, async (c, plan) =>
        {
            var resource = form.ResourceId is { } id ? await c.Db.SocialResources.SingleOrDefaultAsync(r => r.Id == id) : null;
            plan.Match(resource, form.Details, c.Now);
            c.Case.NotePlanChange($"参加支援: 「{resource!.Name}」とのマッチングを記録しました（試行 {JapaneseFormat.Date(plan.TrialFrom!.Value)}〜{JapaneseFormat.Date(plan.TrialUntil!.Value)}）。",
                c.User.Actor, c.Now);
            return $"参加支援プラン {planId} のマッチング";
        });

    public Task<SaveResult> RecordFollowUpAsync(int planId, int expectedVersion, FollowUpForm form) =>
        ChangeAsync(planId, expectedVersion, (c, plan) =>
        {
            var followUp = plan.RecordFollowUp(form.Details, c.User.Actor, c.Now);
            return Task.FromResult($"参加支援プラン {planId} のフォローアップ（{followUp.Target.Label()}）");
        });

    public Task<SaveResult> CompleteTrialAsync(int planId, int expectedVersion) =>
        ChangeAsync(planId, expectedVersion, (c, plan) =>
        {
            plan.CompleteTrial(c.Now);
            return Task.FromResult($"参加支援プラン {planId} の試行期間終了");
        });

    public Task<SaveResult> EndAsync(int planId, int expectedVersion, EndParticipationForm form) =>
        ChangeAsync(planId, expectedVersion, (c, plan) =>
        {
            plan.End(form.Outcome, form.Note, MatchingForm.Day(form.EndedOn), c.Now);
            c.Case.NotePlanChange($"参加支援プランを終了しました（{form.Outcome.Label()}）。", c.User.Actor, c.Now);
            return Task.FromResult($"参加支援プラン {planId} の終了");
        });

    private async Task<SaveResult> ChangeAsync(int planId, int expectedVersion, Func<CaseChange, ParticipationPlan, Task<string>> change)
    {
        await using var lookup = await factory.CreateDbContextAsync();
        var caseId = await lookup.ParticipationPlans.Where(p => p.Id == planId).Select(p => (int?)p.SupportCaseId).SingleOrDefaultAsync();
        if (caseId is null)
        {
            return SaveResult.NotFound();
        }
        return await work.ChangeAsync(caseId.Value, null, AuditAction.ParticipationPlanChanged, CaseWork.AnyEditor, async c =>
        {
            var plan = await c.Db.ParticipationPlans.AsSplitQuery().Include(p => p.Candidates).Include(p => p.FollowUps).SingleAsync(p => p.Id == planId);
            if (plan.Version != expectedVersion)
            {
                throw new StaleVersionException();
            }
            var detail = await change(c, plan);
            c.Created = () => plan.Id;
            return detail;
        });
    }
}
