using Juso.Domain.Common;

namespace Juso.Domain.Agencies;

/// <summary>支援関係機関: an organisation that takes consultations or takes on roles in a plan.</summary>
public class Agency : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int ContactMaxLength = 200;

    protected Agency()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public AgencyField Field { get; private set; }

    public AgencyOperation Operation { get; private set; }

    public string? Contact { get; private set; }

    public bool IsActive { get; private set; }

    public const int DepartmentMaxLength = 50;

    /// <summary>The programs of the 交付金 this agency carries out (for the figures per program).</summary>
    public SupportProgram Programs { get; private set; }

    /// <summary>所管課: the municipal division responsible for the agency's programs.</summary>
    public string? Department { get; private set; }

    public static Agency Create(string name, AgencyField field, AgencyOperation operation, string? contact, DateTimeOffset now)
    {
        Validate(name, field, operation, contact);
        var agency = new Agency
        {
            Name = name.Trim(),
            Field = field,
            Operation = operation,
            Contact = RuleCheck.Clean(contact),
            IsActive = true,
        };
        agency.MarkCreated(now);
        return agency;
    }

    public void Update(string name, AgencyField field, AgencyOperation operation, string? contact, DateTimeOffset now)
    {
        Validate(name, field, operation, contact);
        Name = name.Trim();
        Field = field;
        Operation = operation;
        Contact = RuleCheck.Clean(contact);
        Touch(now);
    }

    /// <summary>An inactive agency keeps its history but takes no new referrals or roles.</summary>
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

    /// <summary>Attributes the agency to the programs it carries out, with the division responsible.</summary>
    public void SetPrograms(SupportProgram programs, string? department, DateTimeOffset now)
    {
        var known = SupportProgramLabels.All.Aggregate(SupportProgram.None, (all, p) => all | p);
        new RuleCheck()
            .Require((programs & ~known) == 0, nameof(Programs), "事業の値が正しくありません。")
            .OptionalText(department, nameof(Department), "所管課", DepartmentMaxLength)
            .ThrowIfAny();
        Programs = programs;
        Department = RuleCheck.Clean(department);
        Touch(now);
    }

    private static void Validate(string name, AgencyField field, AgencyOperation operation, string? contact) =>
        new RuleCheck()
            .RequireText(name, nameof(Name), "機関名", NameMaxLength)
            .Require(Enum.IsDefined(field), nameof(Field), "分野を選択してください。")
            .Require(Enum.IsDefined(operation), nameof(Operation), "運営形態（直営・委託）を選択してください。")
            .OptionalText(contact, nameof(Contact), "連絡先", ContactMaxLength)
            .ThrowIfAny();
}
