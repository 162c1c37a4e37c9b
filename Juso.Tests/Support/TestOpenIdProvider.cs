using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Juso.Tests.Support;

/// <summary>
/// A real OpenID provider (OpenIddict) on Kestrel at a free loopback port, standing in for the municipality's
/// directory: authorization code flow with PKCE required, one confidential client, and a login that consents at
/// once as <see cref="SignedInAs"/>. Without a database (degraded mode), so the client checks are written here.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "juso-portal";
    public const string ClientSecret = "test-directory-secret";

    private readonly WebApplication _app;
    private int _authorizations;

    private TestOpenIdProvider(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
    }

    /// <summary>The issuer, with its trailing slash as OpenIddict writes it into tokens.</summary>
    public string Authority { get; }

    /// <summary>Who the next person signing in at the directory is.</summary>
    public DirectoryPerson SignedInAs { get; set; } = new("dir-0001", "someone@example.lg.jp");

    /// <summary>Whether the directory turns the next person away (as when they cancel or are not allowed to use Juso there).</summary>
    public bool Refuses { get; set; }

    /// <summary>How many authorization requests the provider answered (a browser did pass through it).</summary>
    public int Authorizations => Volatile.Read(ref _authorizations);

    /// <param name="redirectUri">The one redirect URI the portal's client may use.</param>
    public static async Task<TestOpenIdProvider> StartAsync(Func<string> redirectUri)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.Email, Scopes.Profile);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            server.EnableDegradedMode();
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            // Degraded mode checks no client: do what a directory's client registration would.
            server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri != redirectUri())
                {
                    context.Reject(Errors.InvalidRequest, "Unregistered redirect_uri.");
                }
                return default;
            }));
            server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }
                return default;
            }));
        });
        var app = builder.Build();
        TestOpenIdProvider? provider = null;
        app.MapGet("/connect/authorize", (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an authorization request.");
            Interlocked.Increment(ref provider!._authorizations);
            if (provider.Refuses)
            {
                // OpenIddict answers the client's redirect URI with error=access_denied.
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            var person = provider.SignedInAs;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, person.Subject).SetClaim(Claims.Name, person.Subject);
            if (person.Email is { } email)
            {
                identity.SetClaim(Claims.Email, email);
            }
            if (person.Methods is { Length: > 0 } methods)
            {
                identity.SetClaims(Claims.AuthenticationMethodReference, [.. methods]);
            }
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new TestOpenIdProvider(app, address.TrimEnd('/') + "/");
        return provider;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>
/// A directory account: its stable subject and, when the directory has one, its e-mail address; and how the directory
/// checked them this time ("amr", e.g. pwd and mfa), when it says.
/// </summary>
public sealed record DirectoryPerson(string Subject, string? Email, string[]? Methods = null);
