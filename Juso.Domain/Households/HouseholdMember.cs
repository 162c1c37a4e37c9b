using Juso.Domain.Common;

namespace Juso.Domain.Households;

/// <summary>世帯員: one person of a household. Changed only through its household.</summary>
public class HouseholdMember : Entity
{
    public const int NameMaxLength = 30;
    public const int NoteMaxLength = 500;

    protected HouseholdMember()
    {
        FamilyName = string.Empty;
        GivenName = string.Empty;
        FamilyNameKana = string.Empty;
        GivenNameKana = string.Empty;
    }

    public int HouseholdId { get; private set; }

    public string FamilyName { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyNameKana { get; private set; }

    public string GivenNameKana { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    public Relationship Relationship { get; private set; }

    /// <summary>性別; null when not recorded (it is never required).</summary>
    public Sex? Sex { get; private set; }

    public string? Note { get; private set; }

    public bool IsPrincipal => Relationship == Relationship.Principal;

    public string FullName => $"{FamilyName}\u3000{GivenName}";

    /// <summary>Initials from the reading (山田 太郎 → Y.T.), shown instead of the name on a masked board.</summary>
    public string Initials => $"{KanaText.Initial(FamilyNameKana)}.{KanaText.Initial(GivenNameKana)}.";

    public string FullNameKana => $"{FamilyNameKana}\u3000{GivenNameKana}";

    /// <summary>Age in whole years on <paramref name="on"/>, if the birth date is known.</summary>
    public int? AgeOn(DateOnly on)
    {
        if (BirthDate is not { } birth)
        {
            return null;
        }
        var age = on.Year - birth.Year;
        if (on < birth.AddYears(age))
        {
            age--;
        }
        return age;
    }

    internal static HouseholdMember From(MemberDetails details, DateOnly today, string fieldPrefix)
    {
        var member = new HouseholdMember();
        member.Apply(details, today, fieldPrefix);
        return member;
    }

    internal void Apply(MemberDetails details, DateOnly today, string fieldPrefix)
    {
        var check = new RuleCheck()
            .RequireText(details.FamilyName, fieldPrefix + nameof(FamilyName), "氏", NameMaxLength)
            .RequireText(details.GivenName, fieldPrefix + nameof(GivenName), "名", NameMaxLength)
            .OptionalText(details.Note, fieldPrefix + nameof(Note), "備考", NoteMaxLength)
            .Require(Enum.IsDefined(details.Relationship), fieldPrefix + nameof(Relationship), "続柄を選択してください。")
            .Require(details.Sex is null || Enum.IsDefined(details.Sex.Value), fieldPrefix + nameof(Sex), "性別は選択肢から選んでください。")
            .Require(details.BirthDate is null || details.BirthDate <= today, fieldPrefix + nameof(BirthDate), "生年月日に未来の日付は入力できません。")
            .Require(details.BirthDate is null || details.BirthDate >= new DateOnly(1900, 1, 1), fieldPrefix + nameof(BirthDate), "生年月日は1900年以降の日付を入力してください。");
        var familyKana = KanaText.Normalize(details.FamilyNameKana, fieldPrefix + nameof(FamilyNameKana), "氏（フリガナ）", NameMaxLength, required: true);
        var givenKana = KanaText.Normalize(details.GivenNameKana, fieldPrefix + nameof(GivenNameKana), "名（フリガナ）", NameMaxLength, required: true);
        check.Add(familyKana.Errors).Add(givenKana.Errors).ThrowIfAny();

        FamilyName = details.FamilyName!.Trim();
        GivenName = details.GivenName!.Trim();
        FamilyNameKana = familyKana.Value!;
        GivenNameKana = givenKana.Value!;
        BirthDate = details.BirthDate;
        Relationship = details.Relationship;
        Sex = details.Sex;
        Note = RuleCheck.Clean(details.Note);
    }
}
