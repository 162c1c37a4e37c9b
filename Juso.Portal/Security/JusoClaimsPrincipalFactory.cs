using System.Security.Claims;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Juso.Portal.Security;

/// <summary>Puts the user's display name, staff record and agency into the cookie; a change to them renews the security stamp.</summary>
public sealed class JusoClaimsPrincipalFactory(
    UserManager<JusoUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<JusoDbContext> dbFactory)
    : UserClaimsPrincipalFactory<JusoUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(JusoUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(JusoClaims.DisplayName, user.DisplayName));
        if (user.StaffId is { } staffId)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var agencyId = await db.Staff.Where(s => s.Id == staffId).Select(s => (int?)s.AgencyId).SingleOrDefaultAsync();
            identity.AddClaim(new Claim(JusoClaims.StaffId, staffId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (agencyId is not null)
            {
                identity.AddClaim(new Claim(JusoClaims.AgencyId, agencyId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        return identity;
    }
}
