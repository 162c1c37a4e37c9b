using System.Globalization;

namespace Juso.Domain.Common;

/// <summary>Dates as Japanese offices write them: 西暦 with 和暦 beside it, and 年度 as 令和N年度.</summary>
public static class JapaneseFormat
{
    private static readonly CultureInfo Wareki = CreateWarekiCulture();

    public static string Date(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    /// <summary>令和8年11月23日 (令和元年 for the first year of an era).</summary>
    public static string WarekiDate(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return $"{EraYear(dt)}{date.Month}月{date.Day}日";
    }

    /// <summary>令和8年11月23日（月）: a day a reader plans around, with its weekday.</summary>
    public static string WarekiDateWithWeekday(DateOnly date) => $"{WarekiDate(date)}（{Weekday(date)}）";

    /// <summary>A stored UTC timestamp as a reader in Japan names it: 令和8年11月23日（月）14:05.</summary>
    public static string WarekiDateTime(DateTime utc) => WarekiDateTime(JapanDate.FromUtc(utc));

    /// <summary>An instant as a reader in Japan names it: 令和8年11月23日（月）14:05.</summary>
    public static string WarekiDateTime(DateTimeOffset instant)
    {
        var at = JapanDate.InJapan(instant);
        return $"{WarekiDateWithWeekday(DateOnly.FromDateTime(at.DateTime))} {at.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>月, 火, …</summary>
    public static string Weekday(DateOnly date) => Wareki.DateTimeFormat.GetAbbreviatedDayName(date.DayOfWeek);

    /// <summary>令和8年度.</summary>
    public static string FiscalYear(int startYear) => $"{EraYear(new DateTime(startYear, 4, 1))}度";

    public static string FiscalYear(FiscalYear year) => FiscalYear(year.StartYear);

    /// <summary>A stored UTC timestamp in Japan time: 2026/11/23 14:05.</summary>
    public static string Timestamp(DateTime utc) => JapanDate.FromUtc(utc).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);

    private static string EraYear(DateTime dt)
    {
        var calendar = Wareki.DateTimeFormat.Calendar;
        var year = calendar.GetYear(dt);
        var era = Wareki.DateTimeFormat.GetEraName(calendar.GetEra(dt));
        return $"{era}{(year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture))}年";
    }

    private static CultureInfo CreateWarekiCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ja-JP").Clone();
        culture.DateTimeFormat.Calendar = new JapaneseCalendar();
        return culture;
    }
}
