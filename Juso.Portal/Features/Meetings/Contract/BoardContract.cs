using Juso.Domain.Meetings;

namespace Juso.Portal.Features.Meetings.Contract;

// The public contract of the board hub (/hubs/meeting-board) for clients outside Blazor: a wall screen, a projector,
// a future app (docs/adr/0007-live-meeting-boards.md, "Hub contract"). These records are what goes on the wire; the
// Blazor board's view model (BoardSnapshot, BoardItem) may change without changing them. BoardContract maps to them.

/// <summary>What a board hub client receives.</summary>
public interface IMeetingBoardClient
{
    /// <summary>Meeting N has a newly committed state; reload it with GetBoard.</summary>
    Task BoardChanged(BoardChanged change);

    /// <summary>Who has the board of meeting N open now.</summary>
    Task PresenceChanged(PresenceChanged presence);
}

/// <param name="ChangeLabel">What changed, as the board's 「最終変更」 shows it (「協議中の議題を変更」): never a name or a case number.</param>
/// <param name="CommittedAtUnixMs">Wall-clock time of the commit, for the display's latency.</param>
public sealed record BoardChanged(int MeetingId, int Version, string ChangeLabel, long CommittedAtUnixMs);

public sealed record PresenceChanged(int MeetingId, IReadOnlyList<string> Present);

/// <summary>
/// The committed state of a board as a projector may show it: the household is already masked when the meeting masks
/// names, and nothing a member edits with (versions, plans, captured outcomes, account ids, pledges) is in it.
/// </summary>
public sealed record BoardState(
    int MeetingId,
    int Version,
    string Kind,
    string Cadence,
    DateTime ScheduledAt,
    string Reference,
    string? Place,
    string ChairName,
    bool NamesMasked,
    bool MinutesApproved,
    int? CurrentItemId,
    DateTime? CurrentItemStartedAt,
    IReadOnlyList<BoardMemberState> Members,
    IReadOnlyList<BoardItemState> Items);

public sealed record BoardMemberState(string Name, string? AgencyName, bool IsChair, bool Attended);

/// <param name="Household">The principal's name, or initials while the meeting masks names.</param>
/// <param name="Topic">The 検討テーマ of an item without a case (its CaseNumber and Household are empty); null for a case.</param>
public sealed record BoardItemState(
    int Id,
    int Order,
    string CaseNumber,
    string Household,
    string Purpose,
    int Minutes,
    string Outcome,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<BoardActionItemState> ActionItems,
    string? Topic = null);

public sealed record BoardActionItemState(string Text, string OwnerAgencyName, string? OwnerPerson, DateOnly DueOn);

/// <summary>The one place the board's internal events and view model become the hub contract.</summary>
public static class BoardContract
{
    public static BoardChanged Changed(BoardChange change) =>
        new(change.MeetingId, change.Version, change.Label, change.CommittedAtUnixMs);

    public static PresenceChanged Presence(int meetingId, IReadOnlyList<string> present) => new(meetingId, present);

    public static BoardState State(BoardSnapshot board) =>
        new(board.MeetingId, board.Version, board.Kind.Label(), board.Cadence.Label(), board.ScheduledAt, board.Reference, board.Place, board.ChairName, board.MasksNames,
            board.IsMinutesApproved, board.CurrentItemId, board.CurrentItemStartedAt,
            board.Members.Select(m => new BoardMemberState(m.Name, m.AgencyName, m.IsChair, m.Attended)).ToList(),
            board.Items.Select(i => new BoardItemState(i.Id, i.Order, i.CaseNumber, i.Household(board.MasksNames), i.Purpose.Label(), i.Minutes, i.Outcome.Label(),
                i.Decisions.Select(d => d.Text).ToList(),
                i.ActionItems.Select(x => new BoardActionItemState(x.Text, x.OwnerAgencyName, x.OwnerPerson, x.DueOn)).ToList(), i.Topic?.Title)).ToList());
}
