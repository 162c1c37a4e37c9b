using Juso.Domain.Common;

namespace Juso.Tests.Domain.Common;

public class JapanDateTests
{
    [Fact]
    public void Today_InstantAt1530Utc_IsTheNextDayInJapan()
    {
        var instant = new DateTimeOffset(2026, 3, 31, 15, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 4, 1), JapanDate.Today(instant));
    }

    [Fact]
    public void Today_InstantAt1459Utc_IsTheSameDayInJapan()
    {
        var instant = new DateTimeOffset(2026, 3, 31, 14, 59, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 31), JapanDate.Today(instant));
    }

    [Fact]
    public void Today_InstantGivenWithAnotherOffset_IsCountedInJapan()
    {
        // 23:30 on 22 November in New York (UTC-5) is 13:30 on 23 November in Japan.
        var instant = new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.FromHours(-5));

        Assert.Equal(new DateOnly(2026, 11, 23), JapanDate.Today(instant));
    }

    [Fact]
    public void FromUtc_StoredUtcTimestamp_IsShownInJapanTime()
    {
        var shown = JapanDate.FromUtc(new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Unspecified));

        Assert.Equal(TimeSpan.FromHours(9), shown.Offset);
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), shown.DateTime);
    }
}
