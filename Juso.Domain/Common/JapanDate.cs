namespace Juso.Domain.Common;

/// <summary>Dates as the people using Juso count them: the calendar day in Japan (UTC+9, no daylight saving).</summary>
public static class JapanDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The same instant seen from Japan.</summary>
    public static DateTimeOffset InJapan(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The calendar date in Japan at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(InJapan(now).DateTime);

    /// <summary>A stored UTC timestamp as Japan time.</summary>
    public static DateTimeOffset FromUtc(DateTime utc) => InJapan(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
