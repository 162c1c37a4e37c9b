namespace Juso.Domain.Common;

/// <summary>Dates as the people using Juso count them: the calendar day in Japan (UTC+9, no daylight saving).</summary>
public static class JapanDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The same instant seen from Japan.</summary>
    public static DateTimeOffset InJapan(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The calendar date in Japan at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(InJapan(now).DateTime);

    /// <summary>
    /// The instant of <paramref name="date"/> at <paramref name="timeOfDay"/> on a clock in Japan. A time of day outside
    /// one day is held to the day (a picker gives no other), and a moment before the first one representable in Japan
    /// time (1 January of year 1, 09:00) is held to it: such a date precedes every record and the rules refuse it.
    /// </summary>
    public static DateTimeOffset At(DateTime date, TimeSpan? timeOfDay)
    {
        var ticks = date.Date.Ticks + Math.Clamp((timeOfDay ?? TimeSpan.Zero).Ticks, 0, TimeSpan.TicksPerDay - 1);
        return ticks < Offset.Ticks
            ? DateTimeOffset.MinValue.ToOffset(Offset)
            : new DateTimeOffset(new DateTime(ticks, DateTimeKind.Unspecified), Offset);
    }

    /// <summary>
    /// <paramref name="date"/> moved by <paramref name="days"/>, held to the ends of the calendar: a date entered in the
    /// year 9999 has no room for an interval after it, and its follow-up falls on the last day instead of throwing.
    /// </summary>
    public static DateOnly AddDaysWithinCalendar(DateOnly date, int days) =>
        DateOnly.FromDayNumber((int)Math.Clamp((long)date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    /// <summary>A stored UTC timestamp as Japan time.</summary>
    public static DateTimeOffset FromUtc(DateTime utc) => InJapan(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
