using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Juso.Tests.Support;

/// <summary>Stands in for the circuit's provider: the test decides who is signed in.</summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
}
