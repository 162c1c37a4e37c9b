using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Outreach;

/// <summary>アウトリーチプラン: drafting a version and recording the meeting that approved (or, without consent, discussed) it.</summary>
public sealed class OutreachPlanService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, TimeProvider time, LeadWork work)
{
    public Task<SaveResult> DraftAsync(int leadId, int leadVersion, OutreachPlanForm form) =>
        work.ChangeAsync(leadId, leadVersion, AuditAction.LeadPlanChanged, async c =>
        {
            var number = (await c.Db.OutreachPlans.Where(p => p.LeadId == leadId).MaxAsync(p => (int?)p.Number) ?? 0) + 1;
            var plan = OutreachPlan.Draft(c.Lead, number, form.Goal, form.Approach, c.User.Actor, c.Now);
            c.Db.OutreachPlans.Add(plan);
            return ($"第{number}版を作成", (Func<int>?)(() => plan.Id));
        });

    public Task<SaveResult> ApproveAsync(int leadId, int planId, int planVersion, int? meetingId) =>
        work.ChangeAsync(leadId, null, AuditAction.LeadPlanChanged, async c =>
        {
            var plan = await c.Db.OutreachPlans.SingleOrDefaultAsync(p => p.Id == planId && p.LeadId == leadId)
                       ?? throw new DomainException("プランが見つかりません。");
            if (plan.Version != planVersion)
            {
                throw new StaleVersionException();
            }
            var meeting = (meetingId is { } id ? await c.Db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id) : null)
                          ?? throw new DomainException("承認した会議を選択してください。", "MeetingId");
            plan.Approve(c.Lead, meeting.Id, meeting.Kind, meeting.HeldOn, c.Now);
            return ($"第{plan.Number}版を{meeting.Kind.Label()}で{(meeting.Kind == MeetingKind.MultiLayered ? "承認" : "協議")}", (Func<int>?)null);
        });

    /// <summary>Meetings already held of the kind the lead's consent calls for, newest first.</summary>
    public async Task<IReadOnlyList<PlanMeetingOption>> MeetingOptionsAsync(bool leadHasConsent)
    {
        var user = await currentUser.GetAsync();
        if (!LeadAccess.CanRegister(user))
        {
            return [];
        }
        var kind = leadHasConsent ? MeetingKind.MultiLayered : MeetingKind.Support;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync();
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Kind == kind && m.ScheduledAt <= now)
            .OrderByDescending(m => m.ScheduledAt).Take(20).ToListAsync();
        return meetings.Select(m => new PlanMeetingOption(m.Id, LeadService.MeetingTitle(m))).ToList();
    }
}
