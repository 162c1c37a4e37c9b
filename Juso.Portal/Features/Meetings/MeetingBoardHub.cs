using Juso.Domain.Auditing;
using Juso.Portal.Common;
using Juso.Portal.Features.Meetings.Contract;
using Juso.Portal.Hosting;
using Juso.Portal.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// The board's public contract for displays outside Blazor (a wall screen, a future app): join a meeting's group to
/// receive <see cref="IMeetingBoardClient.BoardChanged"/>, then reload committed state. Joining is refused, audited
/// and tells nothing about the meeting unless the user may see its board.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class MeetingBoardHub(BoardSnapshots snapshots, BoardPresence presence, AuditLog audit, ClientInfo client, MeetingBoardService board,
    MeetingBoardNotifier notifier)
    : Hub<IMeetingBoardClient>
{
    public const string Path = "/hubs/meeting-board";

    public const string RefusedMessage = "この会議のボードを開けません。会議の構成員で、支援会議では守秘義務の誓約が必要です。";

    /// <summary>Joins the board of a meeting; returns the version of its committed state.</summary>
    public async Task<int> JoinBoard(int meetingId)
    {
        var user = User();
        var snapshot = await snapshots.GetAsync(meetingId);
        if (snapshot is null || BoardSnapshots.AccessOf(snapshot, user.UserId) != MeetingAccess.Allowed)
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: $"会議 {meetingId}: 会議ボード（ハブ）");
            throw new HubException(RefusedMessage);
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, notifier.Group(meetingId));
        await audit.WriteAsync(user, AuditAction.MeetingBoardViewed, detail: $"会議 {meetingId}: 会議ボード（ハブ）", caseIds: snapshot.CaseIds);
        Context.Items[Joined(meetingId)] = true;
        await presence.JoinAsync(meetingId, Context.ConnectionId, user.Name);
        return snapshot.Version;
    }

    /// <summary>
    /// The committed state, to draw the board and to reload it after <see cref="IMeetingBoardClient.BoardChanged"/>, as
    /// the contract's <see cref="BoardState"/>: names are replaced by initials while the meeting masks them (a display
    /// outside Blazor is a projection too).
    /// The opening was audited by <see cref="JoinBoard"/>; reloads after joining are not audited again, as on the Blazor board.
    /// </summary>
    public async Task<BoardState> GetBoard(int meetingId)
    {
        var user = User();
        var snapshot = await snapshots.GetAsync(meetingId);
        if (snapshot is null || BoardSnapshots.AccessOf(snapshot, user.UserId) != MeetingAccess.Allowed)
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, detail: $"会議 {meetingId}: 会議ボード（ハブ）");
            throw new HubException(RefusedMessage);
        }
        if (!Context.Items.ContainsKey(Joined(meetingId)))
        {
            // Read without joining first: the view is audited here instead.
            await audit.WriteAsync(user, AuditAction.MeetingBoardViewed, detail: $"会議 {meetingId}: 会議ボード（ハブ）", caseIds: snapshot.CaseIds);
        }
        return BoardContract.State(snapshot);
    }

    public async Task LeaveBoard(int meetingId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, notifier.Group(meetingId));
        await presence.LeaveAsync(meetingId, Context.ConnectionId);
    }

    /// <summary>The chair's remote: moves the board to an agenda item and starts its timer.</summary>
    [UserInput]
    public async Task StartItem(int meetingId, int itemId)
    {
        User();
        var result = await board.StartItemAsync(meetingId, itemId);
        if (!result.Succeeded)
        {
            throw new HubException(result.Errors.FirstOrDefault()?.Message ?? RefusedMessage);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var meetingId in presence.MeetingsOf(Context.ConnectionId))
        {
            await presence.LeaveAsync(meetingId, Context.ConnectionId);
        }
        await base.OnDisconnectedAsync(exception);
    }

    private static string Joined(int meetingId) => $"joined-{meetingId}";

    /// <summary>The connection's user, also handed to the feature services of this call.</summary>
    private UserContext User()
    {
        client.Principal = Context.User;
        client.Address = Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString();
        return CurrentUser.FromPrincipal(Context.User!, client.Address);
    }
}
