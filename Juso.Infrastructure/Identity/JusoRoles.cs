namespace Juso.Infrastructure.Identity;

/// <summary>The roles of the people who use Juso (domain.md, "Roles").</summary>
public static class JusoRoles
{
    public const string Coordinator = nameof(Coordinator);
    public const string Chair = nameof(Chair);
    public const string Supervisor = nameof(Supervisor);
    public const string AgencyMember = nameof(AgencyMember);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All = [Coordinator, Chair, Supervisor, AgencyMember, Administrator];

    public static string Label(string role) => role switch
    {
        Coordinator => "コーディネーター（相談支援包括化推進員）",
        Chair => "会議の議長",
        Supervisor => "スーパーバイザー（管理職）",
        AgencyMember => "支援関係機関の職員",
        Administrator => "システム管理者",
        _ => role,
    };
}
