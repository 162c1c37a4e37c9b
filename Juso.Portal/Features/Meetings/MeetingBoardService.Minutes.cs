using Juso.Domain.Auditing;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>The chair approves the minutes after the session.</summary>
public sealed partial class MeetingBoardService
{
    /// <summary>
    /// 議事録の承認 by the chair: <see cref="MinutesCarryBack"/> makes the minutes final and each item's outcome a fact of
    /// its case (plan approved, monitoring recorded, re-plan drafted, case closed or handed back), all in this one save.
    /// If one case refuses, nothing is saved and the message names the case. A second approval, also one racing from
    /// another browser, loses on the meeting's version and finds the minutes approved.
    /// </summary>
    public Task<SaveResult> ApproveMinutesAsync(int meetingId) =>
        work.ChangeAsync(meetingId, AuditAction.MinutesApproved, Chairs, async c =>
        {
            var caseIds = c.Meeting.CaseIdsOnAgenda();
            var cases = await c.Db.Cases.AsSplitQuery().Include(x => x.Agencies).Include(x => x.Consents).Include(x => x.Events)
                .Where(x => caseIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id);
            var plans = (await c.Db.Plans.AsSplitQuery().Include(p => p.Goals).Include(p => p.Assignments)
                    .Where(p => caseIds.Contains(p.SupportCaseId)).ToListAsync())
                .GroupBy(p => p.SupportCaseId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.PlanVersion)!);
            var agencies = await c.Db.Agencies.ToDictionaryAsync(a => a.Id);

            var result = MinutesCarryBack.Apply(c.Meeting, cases, plans, agencies, c.User.Actor, c.Now);
            // The meeting is over: its wall displays end with this save.
            if (await SessionStore.EndDisplaysAsync(c.Db, meetingId, c.Now.UtcDateTime) is > 0 and var displays)
            {
                audit.Add(c.Db, c.User, AuditAction.WallDisplayEnded, detail: $"会議 {meetingId}: 議事録の承認（{displays}台）");
            }

            c.Db.MonitoringReviews.AddRange(result.Reviews);
            c.Db.Plans.AddRange(result.NewPlans);
            foreach (var supportCase in result.ChangedCases)
            {
                c.TouchedCases.Add(supportCase.Id);
                var outcome = c.Meeting.Agenda.Single(a => a.SupportCaseId == supportCase.Id).Outcome;
                audit.Add(c.Db, c.User, AuditAction.StageChanged, supportCase.Id, supportCase.HouseholdId, $"{c.Meeting.Reference}の結論: {outcome.Label()}");
            }
            return new ChangeNote($"議事録を承認（{c.Meeting.Agenda.Count}件）");
        });
}
