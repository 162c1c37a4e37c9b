using Juso.Domain.Common;

namespace Juso.Domain.Meetings;

/// <summary>A person taking part in a meeting, and (for a 支援会議) their confidentiality pledge for it.</summary>
public class MeetingMember : Entity
{
    protected MeetingMember()
    {
        UserId = string.Empty;
        Name = string.Empty;
    }

    internal MeetingMember(string userId, string name, int? agencyId)
    {
        UserId = userId;
        Name = name;
        AgencyId = agencyId;
    }

    public int MeetingId { get; private set; }

    public string UserId { get; private set; }

    public string Name { get; private set; }

    public int? AgencyId { get; private set; }

    /// <summary>守秘義務の誓約: when this member pledged confidentiality for this meeting.</summary>
    public DateTime? PledgedAt { get; private set; }

    /// <summary>出席: recorded on the board for the minutes.</summary>
    public bool Attended { get; private set; }

    internal void Pledge(DateTimeOffset now) => PledgedAt ??= now.UtcDateTime;

    internal void RecordAttendance(bool attended) => Attended = attended;
}
