using System.Globalization;
using System.Security.Claims;
using Juso.Infrastructure.Identity;

namespace Juso.Tests.Support;

/// <summary>Signed-in principals as the cookie would carry them.</summary>
public static class TestUsers
{
    public static ClaimsPrincipal Principal(string userId, string name, int? agencyId, params string[] roles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId),
            new(ClaimTypes.Name, userId),
            new(JusoClaims.DisplayName, name),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (agencyId is { } id)
        {
            claims.Add(new Claim(JusoClaims.AgencyId, id.ToString(CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    public static ClaimsPrincipal Coordinator() => Principal("u-coordinator", "中川 浩二", null, JusoRoles.Coordinator);

    public static ClaimsPrincipal Chair() => Principal("u-chair", "石田 美穂", null, JusoRoles.Chair);

    public static ClaimsPrincipal Administrator() => Principal("u-admin", "管理者", null, JusoRoles.Administrator);

    public static ClaimsPrincipal MemberOf(int agencyId, string name = "機関職員") => Principal($"u-member-{agencyId}", name, agencyId, JusoRoles.AgencyMember);
}
