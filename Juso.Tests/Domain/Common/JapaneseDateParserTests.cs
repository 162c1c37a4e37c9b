using Juso.Domain.Common;

namespace Juso.Tests.Domain.Common;

public class JapaneseDateParserTests
{
    [Theory]
    [InlineData("令和8年4月1日", 2026, 4, 1)]
    [InlineData("令和８年４月１日", 2026, 4, 1)]
    [InlineData("R8.4.1", 2026, 4, 1)]
    [InlineData("r8/4/1", 2026, 4, 1)]
    [InlineData("Ｒ８．４．１", 2026, 4, 1)]
    [InlineData("令和元年5月1日", 2019, 5, 1)]
    [InlineData("R1.5.1", 2019, 5, 1)]
    [InlineData("H31.4.30", 2019, 4, 30)]
    [InlineData("平成元年1月8日", 1989, 1, 8)]
    [InlineData("昭和50年1月15日", 1975, 1, 15)]
    [InlineData("S64.1.7", 1989, 1, 7)]
    [InlineData("大正15年12月24日", 1926, 12, 24)]
    [InlineData("2026/4/1", 2026, 4, 1)]
    [InlineData("2026/04/01", 2026, 4, 1)]
    [InlineData("2026-04-01", 2026, 4, 1)]
    [InlineData("2026年4月1日", 2026, 4, 1)]
    [InlineData("20260401", 2026, 4, 1)]
    [InlineData(" 令和 8年 4月 1日（水） ", 2026, 4, 1)]
    [InlineData("2026/04/01（令和8年4月1日）", 2026, 4, 1)]
    [InlineData("2024/2/29", 2024, 2, 29)]
    public void TryParse_WarekiAndSeirekiForms_ReadTheSameDay(string text, int year, int month, int day)
    {
        Assert.True(JapaneseDateParser.TryParse(text, out var date, out var error), error);

        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("令和5年2月30日", "2月は28日まで")]
    [InlineData("2025/2/29", "2月は28日まで")]
    [InlineData("R6.4.31", "4月は30日まで")]
    [InlineData("2026/13/1", "月が正しくありません")]
    [InlineData("令和0年4月1日", "元年（1年）から")]
    [InlineData("H31.5.1", "令和元年5月1日から令和です")]
    [InlineData("平成35年1月1日", "平成にはありません")]
    [InlineData("令和元年4月30日", "令和の始まり（令和元年5月1日）より前")]
    [InlineData("来週の月曜", "日付として読めません")]
    [InlineData("26/4/1", "日付として読めません")]
    [InlineData("", "日付を入力してください")]
    public void TryParse_ADayThatDoesNotExist_IsRefusedWithAJapaneseReason(string text, string reason)
    {
        Assert.False(JapaneseDateParser.TryParse(text, out _, out var error));

        Assert.Contains(reason, error);
    }
}
