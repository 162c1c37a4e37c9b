using Juso.Domain.Common;
using Juso.Infrastructure.Identity;

namespace Juso.Portal.Common;

/// <summary>The signed-in user as feature services see it: who, which roles, which agency, from where.</summary>
public sealed record UserContext(string UserId, string Name, IReadOnlySet<string> Roles, int? AgencyId, int? StaffId, string? Address)
{
    public static readonly UserContext Anonymous = new(string.Empty, "未サインイン", new HashSet<string>(), null, null, null);

    public bool IsAuthenticated => UserId.Length > 0;

    public bool IsInRole(string role) => Roles.Contains(role);

    public Actor Actor => new(UserId, Name);
}
