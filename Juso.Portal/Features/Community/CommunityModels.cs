using Juso.Domain.Community;
using Juso.Portal.Common;

namespace Juso.Portal.Features.Community;

public sealed record PlaceSummary(int Id, string Name, PlaceKind Kind, string Organiser, string? Location, string? Recurrence, bool IsArchived,
    int SessionsThisYear, int ParticipantsThisYear, int Referrals);

public sealed record SessionView(int Id, DateOnly HeldOn, int Participants, string? Note);

/// <summary>A consultation that came from a place; the case (number and 本人) only when the user may see it.</summary>
public sealed record ReferralView(int Id, DateOnly On, CaseChoice? Case, string? Reference, string? Note)
{
    /// <summary>Set when the referral names a case the user may not see: neither its number nor its name is shown.</summary>
    public bool CaseWithheld { get; init; }

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

    /// <summary>A case the user may see, chosen by number or name; checked again when saved.</summary>
    public CaseChoice? Case { get; set; }

    /// <summary>An アウトリーチ対象者 the user may see; checked again when saved.</summary>
    public PlaceLeadOption? Lead { get; set; }

    public string? Reference { get; set; }

    public string? Note { get; set; }
}
