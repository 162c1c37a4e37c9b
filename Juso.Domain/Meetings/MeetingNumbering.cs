using Juso.Domain.Common;

namespace Juso.Domain.Meetings;

/// <summary>
/// 第N回: meetings of one kind are numbered within their 年度 in the order they are held (ties by the order they
/// were scheduled), so a meeting added earlier in the year moves the later ones up. A meeting whose minutes are
/// approved keeps its number for good: it is printed, in the plans it approved and on the case timelines. A meeting
/// scheduled after the fact before such a meeting takes the next number no approved meeting holds (ADR 0007). A cancelled
/// meeting is not held and does not count: the later ones move up, and it keeps its last number only as 「（中止）」 (ADR 0016).
/// </summary>
public static class MeetingNumbering
{
    /// <summary>Numbers the unapproved meetings among <paramref name="sameKindAndYear"/>, every meeting of one kind and 年度.</summary>
    public static void Renumber(IEnumerable<Meeting> sameKindAndYear, DateTimeOffset now)
    {
        var meetings = sameKindAndYear.Where(m => !m.IsCancelled).OrderBy(m => m.ScheduledAt).ThenBy(m => m.Id == 0).ThenBy(m => m.Id).ToList();
        if (meetings.Select(m => (m.Kind, m.FiscalYear)).Distinct().Count() > 1)
        {
            throw new ArgumentException("Meetings of one kind and fiscal year are numbered together.", nameof(sameKindAndYear));
        }
        var taken = meetings.Where(m => m.IsMinutesApproved).Select(m => m.Number).ToHashSet();
        var next = 1;
        foreach (var meeting in meetings)
        {
            if (meeting.IsMinutesApproved)
            {
                next = Math.Max(next, meeting.Number + 1);
                continue;
            }
            while (taken.Contains(next))
            {
                next++;
            }
            meeting.Renumber(next++, now);
        }
    }
}
