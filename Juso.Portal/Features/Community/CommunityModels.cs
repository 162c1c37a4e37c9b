using Juso.Domain.Community;

namespace Juso.Portal.Features.Community;

public sealed record PlaceSummary(int Id, string Name, PlaceKind Kind, string Organiser, string? Location, string? Recurrence, bool IsArchived,
    int SessionsThisYear, int ParticipantsThisYear, int Referrals);

public sealed record SessionView(int Id, DateOnly HeldOn, int Participants, string? Note);

/// <summary>A consultation that came from a place; the case number only when the user may see that case.</summary>
public sealed record ReferralView(int Id, DateOnly On, int? CaseId, string? CaseNumber, string? Reference, string? Note)
{
    /// <summary>The lead, only when the user may see it (<see cref="LeadLabel"/> says so otherwise).</summary>
    public int? LeadId { get; init; }

    public string? LeadLabel { get; init; }
}

/// <summary>An アウトリーチ対象者 the user may see, offered when recording a referral.</summary>
public sealed record PlaceLeadOption(int Id, string Description)
{
    public string Label => $"{Domain.Meetings.AgendaItem.LeadTitle(Id)} {Description}";
}

public sealed record PlaceView(int Id, int Version, string Name, PlaceKind Kind, string Organiser, string? Location, string? Recurrence, string? Description,
    bool IsArchived, IReadOnlyList<SessionView> Sessions, IReadOnlyList<ReferralView> Referrals, int TotalParticipants, bool CanKeep);

public sealed class PlaceForm
{
    public string? Name { get; set; }

    public PlaceKind Kind { get; set; } = PlaceKind.DropIn;

    public string? Organiser { get; set; }

    public string? Location { get; set; }

    public string? Recurrence { get; set; }

    public string? Description { get; set; }

    public PlaceDetails Details => new(Name, Kind, Organiser, Location, Recurrence, Description);
}

public sealed class SessionForm
{
    public DateTime? HeldOn { get; set; }

    public int? Participants { get; set; }

    public string? Note { get; set; }
}

public sealed class ReferralForm
{
    public DateTime? On { get; set; }

    /// <summary>ケース番号 (e.g. 2026-0012) of a case the user may see; empty for a free reference.</summary>
    public string? CaseNumber { get; set; }

    /// <summary>An アウトリーチ対象者 the user may see; checked again when saved.</summary>
    public PlaceLeadOption? Lead { get; set; }

    public string? Reference { get; set; }

    public string? Note { get; set; }
}
