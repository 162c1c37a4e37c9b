using System.Globalization;
using Juso.Domain.Common;

namespace Juso.Portal.Features.Documents;

/// <summary>
/// Dates on paper (docs/adr 0018): 和暦 only, one calendar per field. A single date carries its weekday; a period
/// in a table does not (two weekdays would not fit the column), and a blank date line names the era to write in.
/// </summary>
public static class PrintDates
{
    private static readonly Calendar Japanese = new JapaneseCalendar();
    private static readonly DateTimeFormatInfo Eras = CreateEras();

    /// <summary>令和8年11月20日（金）, or ― for no date.</summary>
    public static string Date(DateOnly? date) => date is { } d ? JapaneseFormat.WarekiDateWithWeekday(d) : "―";

    /// <summary>One end of a period (令和8年11月23日～令和9年3月31日), without weekday; empty for an open end.</summary>
    public static string PeriodEnd(DateOnly? date) => date is { } d ? JapaneseFormat.WarekiDate(d) : string.Empty;

    /// <summary>「令和　　年　　月　　日」 for a date written by hand, in the era of the day it is printed.</summary>
    public static string Blank(DateTimeOffset printedAt) =>
        $"{Eras.GetEraName(Japanese.GetEra(printedAt.DateTime))}\u3000\u3000年\u3000\u3000月\u3000\u3000日";

    private static DateTimeFormatInfo CreateEras()
    {
        var format = (DateTimeFormatInfo)CultureInfo.GetCultureInfo("ja-JP").DateTimeFormat.Clone();
        format.Calendar = Japanese;
        return format;
    }
}
