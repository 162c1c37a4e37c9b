using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

/// <summary>Nobody in the authentication state: a bench sets its user on <c>ClientInfo</c>, as the hub does.</summary>
internal sealed class NobodySignedIn : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(new ClaimsPrincipal()));
}
