using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Portal.Common;
using Juso.Portal.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>What members record on the board: decisions, action items and the role assignments of the case under discussion.</summary>
public sealed partial class MeetingBoardService
{
    public Task<SaveResult> RecordDecisionAsync(int meetingId, int itemId, string? text) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, OnBoard, c =>
        {
            var decision = c.Meeting.RecordDecision(itemId, text, c.Now);
            c.CaseId = CaseOf(c, itemId);
            c.Created = () => decision.Id;
            c.SavedVersion = () => decision.Version;
            return Task.FromResult(new ChangeNote("決定事項を記録"));
        });

    public Task<SaveResult> ReviseDecisionAsync(int meetingId, int decisionId, int expectedVersion, string? text) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, OnBoard, c =>
        {
            var decision = DecisionSeen(c, decisionId, expectedVersion);
            c.Meeting.ReviseDecision(decisionId, text, c.Now);
            c.CaseId = CaseOf(c, decision.AgendaItemId);
            return Task.FromResult(new ChangeNote("決定事項を修正"));
        });

    public Task<SaveResult> RemoveDecisionAsync(int meetingId, int decisionId, int expectedVersion) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, OnBoard, c =>
        {
            var decision = DecisionSeen(c, decisionId, expectedVersion);
            c.CaseId = CaseOf(c, decision.AgendaItemId);
            c.Meeting.RemoveDecision(decisionId, c.Now);
            return Task.FromResult(new ChangeNote("決定事項を削除"));
        });

    public Task<SaveResult> AddActionItemAsync(int meetingId, int itemId, ActionItemForm form) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, OnBoard, async c =>
        {
            await ExpectAgencyAsync(c, form.OwnerAgencyId);
            var action = c.Meeting.AddActionItem(itemId, form.ToDetails(), c.Now);
            c.CaseId = CaseOf(c, itemId);
            c.Created = () => action.Id;
            return new ChangeNote("対応事項を追加");
        });

    public Task<SaveResult> ReviseActionItemAsync(int meetingId, int actionItemId, int expectedVersion, ActionItemForm form) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, OnBoard, async c =>
        {
            var action = ActionItemSeen(c, actionItemId, expectedVersion);
            await ExpectAgencyAsync(c, form.OwnerAgencyId);
            c.Meeting.ReviseActionItem(actionItemId, form.ToDetails(), c.Now);
            c.CaseId = CaseOf(c, action.AgendaItemId);
            c.SavedVersion = () => action.Version;
            return new ChangeNote("対応事項を修正");
        });

    public Task<SaveResult> RemoveActionItemAsync(int meetingId, int actionItemId, int expectedVersion) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, OnBoard, c =>
        {
            var action = ActionItemSeen(c, actionItemId, expectedVersion);
            c.CaseId = CaseOf(c, action.AgendaItemId);
            c.Meeting.RemoveActionItem(actionItemId, c.Now);
            return Task.FromResult(new ChangeNote("対応事項を削除"));
        });

    /// <summary>
    /// A member changes a role assignment of a case on the agenda, guarded by the assignment's own version: two members
    /// changing the same one, the second is refused and sees the first one's value.
    /// </summary>
    public Task<SaveResult> UpdateAssignmentAsync(int meetingId, int itemId, int assignmentId, int expectedVersion, AssignmentForm form) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, OnBoard, async c =>
        {
            var (supportCase, plan) = await CaseAndPlanAsync(c, itemId);
            var assignment = plan.Assignments.FirstOrDefault(a => a.Id == assignmentId)
                ?? throw new DomainException("この役割分担は見つかりません。画面を再読み込みしてください。");
            Expect(c.Db.Entry(assignment).Property(a => a.Version), expectedVersion);
            var agency = form.AgencyId is { } id ? await c.Db.Agencies.SingleOrDefaultAsync(a => a.Id == id) : null;
            AgencyInvolvement.Assign(supportCase, plan, assignmentId, form.ToDetails(), agency, BoardInvolver(c.User, c.Meeting), c.Now);
            c.SavedVersion = () => assignment.Version;
            return new ChangeNote("役割分担を変更", agency?.Name);
        });

    public Task<SaveResult> AddAssignmentAsync(int meetingId, int itemId, AssignmentForm form) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, OnBoard, async c =>
        {
            var (supportCase, plan) = await CaseAndPlanAsync(c, itemId);
            var agency = form.AgencyId is { } id ? await c.Db.Agencies.SingleOrDefaultAsync(a => a.Id == id) : null;
            AgencyInvolvement.Assign(supportCase, plan, null, form.ToDetails(), agency, BoardInvolver(c.User, c.Meeting), c.Now);
            return new ChangeNote("役割分担を追加", agency!.Name);
        });

    private static async Task<(Domain.Cases.SupportCase Case, SupportPlan Plan)> CaseAndPlanAsync(MeetingChange c, int itemId)
    {
        var caseId = c.Meeting.FindCaseItem(itemId).SupportCaseId!.Value;
        c.Meeting.RecordBoardEdit(c.Now);
        c.CaseId = caseId;
        c.TouchedCases.Add(caseId);
        var supportCase = await c.Db.Cases.Include(x => x.Agencies).Include(x => x.Events).SingleAsync(x => x.Id == caseId);
        var plan = await c.Db.Plans.AsSplitQuery().Include(p => p.Goals).Include(p => p.Assignments)
                       .Where(p => p.SupportCaseId == caseId).OrderByDescending(p => p.PlanVersion).FirstOrDefaultAsync()
                   ?? throw new DomainException("このケースにはまだプランがありません。");
        return (supportCase, plan);
    }

    /// <summary>The decision the user edited, refused as stale if someone changed it since they saw it.</summary>
    private static Decision DecisionSeen(MeetingChange c, int decisionId, int expectedVersion)
    {
        var decision = c.Meeting.Decisions.FirstOrDefault(d => d.Id == decisionId)
            ?? throw new DomainException("この決定事項は見つかりません。画面を再読み込みしてください。");
        Expect(c.Db.Entry(decision).Property(d => d.Version), expectedVersion);
        return decision;
    }

    private static ActionItem ActionItemSeen(MeetingChange c, int actionItemId, int expectedVersion)
    {
        var action = c.Meeting.ActionItems.FirstOrDefault(a => a.Id == actionItemId)
            ?? throw new DomainException("この対応事項は見つかりません。画面を再読み込みしてください。");
        Expect(c.Db.Entry(action).Property(a => a.Version), expectedVersion);
        return action;
    }

    private static async Task ExpectAgencyAsync(MeetingChange c, int? agencyId)
    {
        if (agencyId is { } id && !await c.Db.Agencies.AnyAsync(a => a.Id == id))
        {
            throw new DomainException("選択された機関が見つかりません。", nameof(ActionItem.OwnerAgencyId));
        }
    }
}
