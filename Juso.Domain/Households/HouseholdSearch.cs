using Juso.Domain.Common;

namespace Juso.Domain.Households;

/// <summary>
/// The case list's name search, stated once: what a household is found by (<see cref="KeyOf"/>, kept in
/// <see cref="Household.SearchKey"/>) and what a typed search looks for in it (<see cref="TermsOf"/>).
/// A household is found when one member's 氏名 (氏+名, as entered) or フリガナ (氏+名, katakana) contains the
/// search without its spaces, or its reading in katakana (typed in hiragana, katakana or half-width kana).
/// </summary>
public static class HouseholdSearch
{
    /// <summary>
    /// Between the names of the key. A search never holds it (spaces, and so line breaks, are taken out of it),
    /// so a match never runs from one member's name into the next.
    /// </summary>
    public const char Separator = '\n';

    /// <summary>The longest key: every member's name and reading, each after a separator.</summary>
    public const int KeyMaxLength = Household.MaxMembers * 2 * (1 + 2 * HouseholdMember.NameMaxLength);

    /// <summary>"\n山田花子\nヤマダハナコ\n山田一郎\nヤマダイチロウ": each member's name, then their reading.</summary>
    public static string KeyOf(IEnumerable<HouseholdMember> members) =>
        string.Concat(members.Select(m => $"{Separator}{m.FamilyName}{m.GivenName}{Separator}{m.FamilyNameKana}{m.GivenNameKana}"));

    /// <summary>
    /// What a search typed as <paramref name="input"/> looks for: the text without its spaces, and its reading in
    /// katakana without spaces when the text is kana. Null when there is nothing to look for.
    /// </summary>
    public static SearchTerms? TermsOf(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var text = string.Concat(input.Where(c => !char.IsWhiteSpace(c)));
        var kana = KanaText.ToKatakana(input)?.Replace("\u3000", string.Empty, StringComparison.Ordinal);
        return new SearchTerms(text, kana == text ? null : kana);
    }

    /// <summary>Whether the household with key <paramref name="key"/> is found by <paramref name="terms"/> (as the query asks it).</summary>
    public static bool Matches(string key, SearchTerms terms) =>
        key.Contains(terms.Text, StringComparison.Ordinal) || (terms.Kana is { } kana && key.Contains(kana, StringComparison.Ordinal));
}

/// <summary>A search for <see cref="Text"/>, or for <see cref="Kana"/> (its reading in katakana, when it differs).</summary>
public sealed record SearchTerms(string Text, string? Kana);
