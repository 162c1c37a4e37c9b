using Juso.Domain.Agencies;
using Juso.Domain.Auditing;

namespace Juso.Portal.Features.Admin;

public sealed record UserListItem(
    string Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    int? StaffId,
    string? StaffName,
    string? AgencyName,
    bool IsActive,
    bool IsLockedOut,
    string? ConcurrencyStamp);

public sealed class UserForm
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public HashSet<string> Roles { get; set; } = [];

    public int? StaffId { get; set; }

    /// <summary>The account's stamp when the form was opened, to refuse a stale overwrite.</summary>
    public string? ConcurrencyStamp { get; set; }

    /// <summary>Only for a new user or a password reset.</summary>
    public string? Password { get; set; }
}

public sealed record StaffOption(int Id, string Name, string AgencyName, bool IsActive);

public sealed record AgencyListItem(int Id, int Version, string Name, AgencyField Field, AgencyOperation Operation, string? Contact, bool IsActive, int StaffCount,
    SupportProgram Programs = SupportProgram.None, string? Department = null);

public sealed class AgencyForm
{
    public string? Name { get; set; }

    public AgencyField? Field { get; set; }

    public AgencyOperation? Operation { get; set; }

    public string? Contact { get; set; }

    /// <summary>The programs (第1号〜第6号) the agency carries out, for the figures per program.</summary>
    public SupportProgram Programs { get; set; }

    /// <summary>所管課.</summary>
    public string? Department { get; set; }
}

public sealed record StaffListItem(int Id, int Version, int AgencyId, string Name, string Kana, string? Title, bool IsActive, string? UserName);

public sealed class StaffForm
{
    public string? Name { get; set; }

    public string? Kana { get; set; }

    public string? Title { get; set; }
}

/// <param name="CaseNumber">ケース番号 as shown on the case (e.g. 2026-0007): the rows about that case, also list and meeting views that showed it.</param>
public sealed record AuditSearch(string? UserName = null, AuditAction? Action = null, string? CaseNumber = null, DateTime? From = null, DateTime? To = null);

/// <param name="CaseNumbers">The ケース番号 of every case the row is about, in order.</param>
public sealed record AuditRow(long Id, DateTime At, string UserName, AuditAction Action, IReadOnlyList<string> CaseNumbers, int? HouseholdId, string? Address, string? Detail);

/// <summary>A 相談分類 entry as the administrator's list for one 年度 shows it.</summary>
public sealed record CategoryRow(int Id, int Version, string Code, string Name, int FromYear, int? UntilYear);

/// <summary>
/// The categories of one 年度 and a stamp of the entries as read: a change made on a list someone else has changed
/// since is refused rather than applied to a list the administrator did not see.
/// </summary>
public sealed record CategoryYearList(int Year, IReadOnlyList<CategoryRow> Rows, IReadOnlyList<CategoryRow> Retired, string Stamp);

public sealed class CategoryForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }
}
