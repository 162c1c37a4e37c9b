using System.Text;

namespace Juso.Domain.Common;

/// <summary>
/// フリガナ: stored in full-width katakana with single full-width spaces, so that a search typed in
/// hiragana, half-width katakana or katakana finds the same person.
/// </summary>
public static class KanaText
{
    public sealed record Result(string? Value, IReadOnlyList<DomainError> Errors);

    public static Result Normalize(string? input, string field, string label, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return required
                ? new Result(null, [new DomainError(field, $"{label}を入力してください。")])
                : new Result(null, []);
        }

        var value = ToKatakana(input);
        if (value is null)
        {
            return new Result(null, [new DomainError(field, $"{label}はカタカナまたはひらがなで入力してください。")]);
        }
        if (value.Length > maxLength)
        {
            return new Result(null, [new DomainError(field, $"{label}は{maxLength}文字以内で入力してください（現在{value.Length}文字）。")]);
        }
        return new Result(value, []);
    }

    /// <summary>
    /// The Latin initial (Hepburn) of a katakana reading, as used for masked names on a projected board:
    /// ヤマダ → Y, シミズ → S, チバ → C. Anything else gives "＊".
    /// </summary>
    public static string Initial(string? katakana)
    {
        if (string.IsNullOrEmpty(katakana))
        {
            return "＊";
        }
        var first = katakana[0];
        foreach (var (letter, kana) in Initials)
        {
            if (kana.Contains(first))
            {
                return letter;
            }
        }
        return "＊";
    }

    private static readonly (string Letter, string Kana)[] Initials =
    [
        ("A", "アァ"), ("I", "イィ"), ("U", "ウゥ"), ("E", "エェ"), ("O", "オォヲ"),
        ("K", "カキクケコ"), ("G", "ガギグゲゴ"), ("S", "サシスセソ"), ("Z", "ザズゼゾヅ"), ("J", "ジヂ"),
        ("T", "タツテト"), ("C", "チ"), ("D", "ダデド"), ("N", "ナニヌネノン"), ("H", "ハヒヘホ"), ("F", "フ"),
        ("B", "バビブベボ"), ("P", "パピプペポ"), ("M", "マミムメモ"), ("Y", "ヤユヨャュョ"), ("R", "ラリルレロ"),
        ("W", "ワ"), ("V", "ヴ"),
    ];

    /// <summary>The katakana form of a kana string, or null if it holds anything but kana and spaces.</summary>
    public static string? ToKatakana(string input)
    {
        // NFKC turns half-width katakana into full-width and the full-width space into a plain one.
        string text;
        try
        {
            text = input.Normalize(NormalizationForm.FormKC).Trim();
        }
        catch (ArgumentException)
        {
            // A lone surrogate (half of an emoji cut by a paste) cannot be normalized, and is no kana either.
            return null;
        }
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (!lastWasSpace)
                {
                    builder.Append('\u3000');
                }
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            if (c is >= '\u3041' and <= '\u3096' or '\u309D' or '\u309E')
            {
                builder.Append((char)(c + 0x60));
            }
            else if (c is >= '\u30A1' and <= '\u30FA' or '\u30FC' or '\u30FB' or '\u30FD' or '\u30FE')
            {
                builder.Append(c);
            }
            else
            {
                return null;
            }
        }
        return builder.Length == 0 ? null : builder.ToString();
    }
}
