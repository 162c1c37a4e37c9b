using Juso.Domain.Common;

namespace Juso.Tests.Domain.Common;

public class FiscalYearTests
{
    [Fact]
    public void Of_31March_BelongsToThePreviousFiscalYear()
    {
        Assert.Equal(new FiscalYear(2025), FiscalYear.Of(new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void Of_1April_BelongsToTheNewFiscalYear()
    {
        Assert.Equal(new FiscalYear(2026), FiscalYear.Of(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void FirstDayAndLastDay_Are1AprilAnd31MarchOfTheNextYear()
    {
        var year = new FiscalYear(2026);

        Assert.Equal(new DateOnly(2026, 4, 1), year.FirstDay);
        Assert.Equal(new DateOnly(2027, 3, 31), year.LastDay);
    }

    [Theory]
    [InlineData(2026, 4, 1, true)]
    [InlineData(2026, 11, 23, true)]
    [InlineData(2027, 3, 31, true)]
    [InlineData(2026, 3, 31, false)]
    [InlineData(2027, 4, 1, false)]
    public void Contains_DatesAroundTheBoundaries_AreInsideOnlyFromFirstToLastDay(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, new FiscalYear(2026).Contains(new DateOnly(year, month, day)));
    }
}
