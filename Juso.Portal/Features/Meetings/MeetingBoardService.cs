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
/// The live board and the minutes: here the board session (opening, the item under discussion, masking, attendance,
/// the outcome); the records made on the board in MeetingBoardService.Records.cs, the minutes' approval in
/// MeetingBoardService.Minutes.cs. Only members of the meeting (for a 支援会議, after their pledge) open the board or
/// change anything on it; the chair runs the session and approves the minutes, which carries each item's outcome
/// back to its case. Every view and change is audited; every change is announced to every open board after it commits.
/// </summary>
public sealed partial class MeetingBoardService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, MeetingWork work, BoardSnapshots snapshots)
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

    internal static int? CaseOf(MeetingChange c, int itemId) => c.Meeting.Agenda.FirstOrDefault(a => a.Id == itemId)?.SupportCaseId;

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
