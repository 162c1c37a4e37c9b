using Juso.Domain.Common;
using Juso.Domain.Meetings;

namespace Juso.Infrastructure.Persistence;

public static class MeetingQueries
{
    /// <summary>The meetings of <paramref name="kind"/> held in <paramref name="year"/> (Japan time): those numbered together.</summary>
    public static IQueryable<Meeting> OfKindAndYear(this IQueryable<Meeting> meetings, MeetingKind kind, FiscalYear year)
    {
        var from = new DateTimeOffset(year.FirstDay.ToDateTime(TimeOnly.MinValue), JapanDate.Offset).UtcDateTime;
        var until = new DateTimeOffset(year.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), JapanDate.Offset).UtcDateTime;
        return meetings.Where(m => m.Kind == kind && m.ScheduledAt >= from && m.ScheduledAt < until);
    }
}
