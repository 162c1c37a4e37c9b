using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// The live board and the minutes. Only members of the meeting (for a 支援会議, after their pledge) open the board or
/// change anything on it; the chair runs the session and approves the minutes, which carries each item's outcome
/// back to its case. Every view and change is audited; every change is announced to every open board after it commits.
/// </summary>
public sealed class MeetingBoardService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, MeetingWork work, BoardSnapshots snapshots)
{
    internal static bool OnBoard(UserContext user, Meeting meeting) => meeting.MayShowCaseDetailsTo(user.UserId);

    /// <summary>The chair runs the session, and like every member of a 支援会議 only after pledging.</summary>
    private static bool Chairs(UserContext user, Meeting meeting) => user.UserId == meeting.ChairUserId && OnBoard(user, meeting);

    /// <summary>A member deciding on this board who takes part in a case: a 支援会議's decision needs their pledge.</summary>
    private static Involver BoardInvolver(UserContext user, Meeting meeting) =>
        new(user.Actor, CaseAccess.IsCoordinating(user),
            meeting.Kind == MeetingKind.Support ? InvolvementVenue.SupportMeetingBoard : InvolvementVenue.MultiLayeredBoard,
            meeting.Kind == MeetingKind.Support && OnBoard(user, meeting));

    /// <summary>Opens the board (or the minutes): the snapshot only for those who may see it; the opening is audited.</summary>
    public async Task<(MeetingAccess Access, BoardSnapshot? Board)> OpenAsync(int meetingId, bool minutes = false)
    {
        var user = await currentUser.GetAsync();
        var board = await snapshots.GetAsync(meetingId);
        var access = board is null ? MeetingAccess.Denied : BoardSnapshots.AccessOf(board, user.UserId);
        var what = minutes ? "議事録" : "会議ボード";
        await audit.WriteAsync(user,
            access == MeetingAccess.Allowed ? (minutes ? AuditAction.MinutesViewed : AuditAction.MeetingBoardViewed) : AuditAction.AccessDenied,
            detail: $"会議 {meetingId}: {what}{(access == MeetingAccess.NeedsPledge ? "（誓約前）" : string.Empty)}",
            caseIds: access == MeetingAccess.Allowed ? board!.CaseIds : null);
        return (access, access == MeetingAccess.Allowed ? board : null);
    }

    /// <summary>The committed state again after a change was announced; the viewer's access is checked again too.</summary>
    public async Task<BoardSnapshot?> ReloadAsync(int meetingId, UserContext user)
    {
        var board = await snapshots.GetAsync(meetingId);
        return board is not null && BoardSnapshots.AccessOf(board, user.UserId) == MeetingAccess.Allowed ? board : null;
    }

    public async Task<UserContext> UserAsync() => await currentUser.GetAsync();

    /// <summary>Who last changed this item's case on a board or in its plan: the winner named to the loser of an edit race.</summary>
    public async Task<SavedBy?> LastSavedByAsync(int meetingId, int itemId)
    {
        var user = await currentUser.GetAsync();
        var caseId = (await ReloadAsync(meetingId, user))?.Items.FirstOrDefault(i => i.Id == itemId)?.CaseId;
        return caseId is { } id ? await audit.LastChangeAsync(id, user.UserId, AuditAction.MeetingBoardChanged, AuditAction.PlanChanged) : null;
    }

    /// <summary>Active agencies, for role assignments and action item owners chosen on the board.</summary>
    public async Task<IReadOnlyList<AgencyOption>> AgencyOptionsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Field).ThenBy(a => a.Name).ToListAsync();
        return agencies.Select(a => new AgencyOption(a.Id, a.Name, a.Field.Label(), a.IsActive)).ToList();
    }

    public Task<SaveResult> StartItemAsync(int meetingId, int itemId) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, Chairs, c =>
        {
            c.Meeting.StartItem(itemId, c.Now);
            c.CaseId = CaseOf(c, itemId);
            return Task.FromResult(new ChangeNote("協議中の議題を変更"));
        });

    public Task<SaveResult> MaskNamesAsync(int meetingId, bool masks) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, Chairs, c =>
        {
            c.Meeting.MaskNames(masks, c.Now);
            return Task.FromResult(new ChangeNote(masks ? "氏名を伏せる" : "氏名を表示"));
        });

    public Task<SaveResult> RecordAttendanceAsync(int meetingId, string userId, bool attended) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, (u, m) => Chairs(u, m) || (OnBoard(u, m) && u.UserId == userId), c =>
        {
            c.Meeting.RecordAttendance(userId, attended, c.Now);
            return Task.FromResult(new ChangeNote("出席", $"{c.Meeting.Members.First(m => m.UserId == userId).Name} {(attended ? "出席" : "欠席")}"));
        });

    public Task<SaveResult> ConcludeAsync(int meetingId, int itemId, AgendaOutcome outcome) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, Chairs, c =>
        {
            c.Meeting.Conclude(itemId, outcome, c.Now);
            c.CaseId = CaseOf(c, itemId);
            return Task.FromResult(new ChangeNote("結論", outcome.Label()));
        });

    public Task<SaveResult> RecordDecisionAsync(int meetingId, int itemId, string? text) =>
        work.ChangeAsync(meetingId, AuditAction.MeetingBoardChanged, OnBoard, c =>
        {
            var decision = c.Meeting.RecordDecision(itemId, text, c.Now);
            c.CaseId = CaseOf(c, itemId);
            c.Created = () => decision.Id;
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

    internal static int? CaseOf(MeetingChange c, int itemId) => c.Meeting.Agenda.FirstOrDefault(a => a.Id == itemId)?.SupportCaseId;

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

    /// <summary>Refuses a stale edit now, and makes the UPDATE itself check the version the user saw.</summary>
    internal static void Expect<T>(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry<T, int> version, int expected) where T : class
    {
        if (version.CurrentValue != expected)
        {
            throw new StaleVersionException();
        }
        version.OriginalValue = expected;
    }
}
