using Juso.Domain.Common;

namespace Juso.Domain.Agencies;

/// <summary>職員: a person working for an agency. A sign-in account may be linked to a staff record.</summary>
public class Staff : AggregateRoot
{
    public const int NameMaxLength = 50;
    public const int TitleMaxLength = 50;

    protected Staff()
    {
        Name = string.Empty;
        Kana = string.Empty;
    }

    public int AgencyId { get; private set; }

    public string Name { get; private set; }

    public string Kana { get; private set; }

    /// <summary>職名, e.g. 社会福祉士, 相談支援包括化推進員.</summary>
    public string? Title { get; private set; }

    public bool IsActive { get; private set; }

    public static Staff Create(Agency agency, string name, string kana, string? title, DateTimeOffset now)
    {
        if (!agency.IsActive)
        {
            throw new DomainException("休止中の機関には職員を登録できません。", nameof(AgencyId));
        }
        var validKana = Validate(name, kana, title);
        var staff = new Staff
        {
            AgencyId = agency.Id,
            Name = name.Trim(),
            Kana = validKana,
            Title = RuleCheck.Clean(title),
            IsActive = true,
        };
        staff.MarkCreated(now);
        return staff;
    }

    public void Update(string name, string kana, string? title, DateTimeOffset now)
    {
        Kana = Validate(name, kana, title);
        Name = name.Trim();
        Title = RuleCheck.Clean(title);
        Touch(now);
    }

    public void Deactivate(DateTimeOffset now)
    {
        IsActive = false;
        Touch(now);
    }

    public void Activate(DateTimeOffset now)
    {
        IsActive = true;
        Touch(now);
    }

    private static string Validate(string name, string kana, string? title)
    {
        var check = new RuleCheck()
            .RequireText(name, nameof(Name), "氏名", NameMaxLength)
            .OptionalText(title, nameof(Title), "職名", TitleMaxLength);
        var kanaResult = KanaText.Normalize(kana, nameof(Kana), "フリガナ", NameMaxLength, required: true);
        check.Add(kanaResult.Errors).ThrowIfAny();
        return kanaResult.Value!;
    }
}
