using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Juso.Domain.Common;

/// <summary>
/// A date as people in a Japanese office type it: 令和8年4月1日, R8.4.1, 令和元年5月1日, H31.4.30, 昭和50年1月1日 (a birth
/// date from a 住民票), or 西暦 2026/4/1, 2026-04-01, 2026年4月1日, 20260401. Full-width digits and a weekday in brackets
/// are accepted. A date that does not exist, or an era year outside its era, is refused with a message saying why.
/// </summary>
public static partial class JapaneseDateParser
{
    private sealed record Era(string Name, char Letter, DateOnly Start);

    // Newest first; each era ends the day before the next one starts.
    private static readonly Era[] Eras =
    [
        new("令和", 'R', new DateOnly(2019, 5, 1)),
        new("平成", 'H', new DateOnly(1989, 1, 8)),
        new("昭和", 'S', new DateOnly(1926, 12, 25)),
        new("大正", 'T', new DateOnly(1912, 7, 30)),
        new("明治", 'M', new DateOnly(1868, 1, 25)),
    ];

    public const string Example = "例: 令和8年4月1日、R8.4.1、2026/4/1";

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="error"/> says in Japanese what is wrong.</summary>
    public static bool TryParse(string? text, out DateOnly date, out string error)
    {
        date = default;
        error = string.Empty;
        var input = Normalize(text);
        if (input.Length == 0)
        {
            error = $"日付を入力してください（{Example}）。";
            return false;
        }
        if (Wareki().Match(input) is { Success: true } wareki)
        {
            return TryWareki(wareki, input, out date, out error);
        }
        if (Seireki().Match(input) is { Success: true } seireki)
        {
            return TryDate(Number(seireki.Groups["y"].Value), Number(seireki.Groups["m"].Value), Number(seireki.Groups["d"].Value), input, out date, out error);
        }
        if (Compact().Match(input) is { Success: true } compact)
        {
            return TryDate(Number(compact.Groups["y"].Value), Number(compact.Groups["m"].Value), Number(compact.Groups["d"].Value), input, out date, out error);
        }
        error = $"「{text!.Trim()}」は日付として読めません（{Example}）。";
        return false;
    }

    private static bool TryWareki(Match match, string input, out DateOnly date, out string error)
    {
        date = default;
        var name = match.Groups["era"].Value;
        var era = Eras.Single(e => e.Name == name || (name.Length == 1 && char.ToUpperInvariant(name[0]) == e.Letter));
        var yearText = match.Groups["y"].Value;
        var eraYear = yearText == "元" ? 1 : Number(yearText);
        if (eraYear < 1)
        {
            error = $"「{input}」の年が正しくありません（{era.Name}は元年（1年）からです）。";
            return false;
        }
        if (!TryDate(era.Start.Year + eraYear - 1, Number(match.Groups["m"].Value), Number(match.Groups["d"].Value), input, out date, out error))
        {
            return false;
        }
        var next = Array.IndexOf(Eras, era) is var index and > 0 ? Eras[index - 1] : null;
        if (date < era.Start)
        {
            error = $"「{input}」は{era.Name}の始まり（{JapaneseFormat.WarekiDate(era.Start)}）より前の日付です。";
            return false;
        }
        if (next is not null && date >= next.Start)
        {
            error = $"「{input}」は{era.Name}にはありません（{JapaneseFormat.WarekiDate(next.Start)}から{next.Name}です）。{JapaneseFormat.WarekiDate(date)}のことでしたら、そのように入力してください。";
            return false;
        }
        return true;
    }

    private static bool TryDate(int year, int month, int day, string input, out DateOnly date, out string error)
    {
        date = default;
        error = string.Empty;
        if (year is < 1 or > 9999)
        {
            error = $"「{input}」の年が正しくありません。";
            return false;
        }
        if (month is < 1 or > 12)
        {
            error = $"「{input}」の月が正しくありません（1月から12月まで）。";
            return false;
        }
        var last = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > last)
        {
            error = $"「{input}」という日はありません（{month}月は{last}日までです）。";
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Half-width digits and letters (NFKC), no spaces, no trailing note in brackets.</summary>
    private static string Normalize(string? text)
    {
        string normalized;
        try
        {
            normalized = (text ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim();
        }
        catch (ArgumentException)
        {
            // A lone surrogate (half an emoji from a paste or a ledger cell) cannot be normalised; such text is no date.
            normalized = text!.Trim();
        }
        normalized = Annotation().Replace(normalized, string.Empty);
        return Spaces().Replace(normalized, string.Empty);
    }

    private static int Number(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    [GeneratedRegex(@"^(?<era>令和|平成|昭和|大正|明治|[RHSTMrhstm])(?<y>元|[0-9]{1,2})(?:年|[./\-])(?<m>[0-9]{1,2})(?:月|[./\-])(?<d>[0-9]{1,2})日?$")]
    private static partial Regex Wareki();

    [GeneratedRegex(@"^(?:西暦)?(?<y>[0-9]{4})(?:年|[./\-])(?<m>[0-9]{1,2})(?:月|[./\-])(?<d>[0-9]{1,2})日?$")]
    private static partial Regex Seireki();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})$")]
    private static partial Regex Compact();

    // A weekday or a 和暦 the portal printed beside the date, e.g. 2026/04/01（令和8年4月1日）or 令和8年4月1日（水）.
    [GeneratedRegex(@"\([^()]*\)$")]
    private static partial Regex Annotation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
