using System.Security.Claims;
using Juso.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace Juso.Portal.Common;

/// <summary>The client's address for the audit log, set once per circuit or request.</summary>
public sealed class ClientInfo
{
    public string? Address { get; set; }

    /// <summary>Set by a SignalR hub call, which has its user on the connection instead of an authentication state.</summary>
    public ClaimsPrincipal? Principal { get; set; }
}

/// <summary>Reads the signed-in user of the current circuit (or request) for feature services.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider, ClientInfo client)
{
    public async Task<UserContext> GetAsync()
    {
        if (client.Principal is { } principal)
        {
            return FromPrincipal(principal, client.Address);
        }
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        return FromPrincipal(state.User, client.Address);
    }

    /// <summary>The signed-in user when an administrator; anyone else is refused with <see cref="AccessDeniedException"/>.</summary>
    public async Task<UserContext> RequireAdministratorAsync()
    {
        var user = await GetAsync();
        return user.IsInRole(JusoRoles.Administrator) ? user : throw new AccessDeniedException();
    }

    public static UserContext FromPrincipal(ClaimsPrincipal principal, string? address)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return UserContext.Anonymous with { Address = address };
        }
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new UserContext(
            userId,
            principal.FindFirstValue(JusoClaims.DisplayName) ?? principal.Identity.Name ?? userId,
            roles,
            int.TryParse(principal.FindFirstValue(JusoClaims.AgencyId), out var agencyId) ? agencyId : null,
            int.TryParse(principal.FindFirstValue(JusoClaims.StaffId), out var staffId) ? staffId : null,
            address);
    }
}
