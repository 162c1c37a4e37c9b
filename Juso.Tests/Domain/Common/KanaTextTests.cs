using Juso.Domain.Common;

namespace Juso.Tests.Domain.Common;

public class KanaTextTests
{
    private const string Field = "Members[0].FamilyNameKana";
    private const string Label = "氏（フリガナ）";

    private static KanaText.Result Normalize(string? input, int maxLength = 30, bool required = true) =>
        KanaText.Normalize(input, Field, Label, maxLength, required);

    [Fact]
    public void Normalize_Hiragana_BecomesKatakana()
    {
        var result = Normalize("すずき");

        Assert.Equal("スズキ", result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Normalize_HiraganaWithLongVowelAndSmallKana_BecomesKatakana()
    {
        Assert.Equal("ショーコ", Normalize("しょーこ").Value);
    }

    [Fact]
    public void Normalize_HalfWidthKatakanaWithVoicedMarks_BecomesFullWidth()
    {
        var result = Normalize("ｽｽﾞｷ ﾀﾛｳ");

        Assert.Equal("スズキ\u3000タロウ", result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Normalize_FullWidthKatakana_IsKeptAsIs()
    {
        Assert.Equal("ヤマダ", Normalize("ヤマダ").Value);
    }

    [Theory]
    [InlineData("ヤマダ タロウ")]
    [InlineData("ヤマダ\u3000タロウ")]
    [InlineData("ヤマダ   タロウ")]
    [InlineData("ヤマダ \u3000 タロウ")]
    [InlineData("  ヤマダ タロウ\u3000")]
    public void Normalize_AnySpacesBetweenWords_BecomeOneFullWidthSpace(string input)
    {
        Assert.Equal("ヤマダ\u3000タロウ", Normalize(input).Value);
    }

    [Theory]
    [InlineData("Suzuki")]
    [InlineData("ｓｕｚｕｋｉ")]
    [InlineData("スズキ1")]
    [InlineData("鈴木")]
    [InlineData("すず木")]
    public void Normalize_LatinDigitsOrKanji_AreRefusedOnTheField(string input)
    {
        var result = Normalize(input);

        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(new DomainError(Field, "氏（フリガナ）はカタカナまたはひらがなで入力してください。"), error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000 ")]
    public void Normalize_EmptyWhenRequired_AsksForInput(string? input)
    {
        var result = Normalize(input, required: true);

        Assert.Null(result.Value);
        Assert.Equal(new DomainError(Field, "氏（フリガナ）を入力してください。"), Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u3000")]
    public void Normalize_EmptyWhenOptional_IsAcceptedAsNull(string? input)
    {
        var result = Normalize(input, required: false);

        Assert.Null(result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Normalize_OverMaxLength_IsRefusedWithCurrentLength()
    {
        var result = Normalize("アイウエオカ", maxLength: 5);

        Assert.Null(result.Value);
        Assert.Equal(new DomainError(Field, "氏（フリガナ）は5文字以内で入力してください（現在6文字）。"), Assert.Single(result.Errors));
    }

    [Fact]
    public void Normalize_HalfWidthVoicedKana_CountsAsOneCharacterForMaxLength()
    {
        // ｶﾞｷﾞｸﾞ is six half-width characters but three katakana once combined.
        var result = Normalize("ｶﾞｷﾞｸﾞ", maxLength: 3);

        Assert.Equal("ガギグ", result.Value);
        Assert.Empty(result.Errors);
    }
}
