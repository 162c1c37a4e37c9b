using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Juso.Portal.Features.Account;
using Juso.Portal.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace Juso.Portal.Hosting;

/// <summary>Registrations for sessions, sign-in (password, second factor, the municipality's directory), cookies and authorization.</summary>
public static partial class PortalServices
{
    private static void AddSecurity(IServiceCollection services, IConfiguration configuration)
    {
        var sessionOptions = configuration.GetSection(SessionLimits.Section).Get<SessionLimits>() ?? new SessionLimits();
        services.AddSingleton(sessionOptions);
        services.AddSingleton<SessionStore>();
        services.AddScoped<ClientInfo>();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<AuditLog>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<UserInput>();
        services.AddSingleton<OpenHubConnections>();
        services.AddSingleton<HubSessionFilter>();
        services.AddSingleton<OpenCircuits>();
        services.AddHostedService<SessionSweeper>();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();

        // Cookies are Secure with the __Host- prefix. Security:InsecureCookies (appsettings.Development.json only) drops
        // both, for the tests' .NET HTTP clients, which never send a Secure cookie over http://127.0.0.1.
        var insecureCookies = configuration.GetValue<bool>(HttpsOrLoopback.InsecureCookiesKey);
        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        AddDirectory(services, authentication, configuration, insecureCookies);
        services.AddScoped<SessionCookieEvents>();
        services.AddScoped<OwnAccountService>();
        services.AddScoped<TwoFactorService>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = insecureCookies ? "Juso.Auth" : "__Host-Juso.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.Path = "/";
            cookie.Cookie.SecurePolicy = insecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/access-denied";
            // The cookie lives no longer than the absolute limit; idle and revocation are checked on the server session.
            cookie.ExpireTimeSpan = sessionOptions.AbsoluteTimeout;
            cookie.SlidingExpiration = false;
            cookie.EventsType = typeof(SessionCookieEvents);
        });

        // The short cookies between two steps of a sign-in (the directory's answer; the password before the code).
        foreach (var scheme in new[] { IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorUserIdScheme })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, cookie =>
                cookie.Cookie.SecurePolicy = insecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        }

        services.AddIdentityCore<JusoUser>(options =>
            {
                // ASVS 2.1: length, not composition; common passwords are refused by CommonPasswordValidator.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<Infrastructure.Persistence.JusoDbContext>()
            .AddSignInManager<JusoSignInManager>()
            .AddClaimsPrincipalFactory<JusoClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator check: a code counts once (docs/adr/0028).
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        // ASVS 2.4.2 / OWASP: PBKDF2-HMAC-SHA512 (Identity's V3 format) with at least 210,000 iterations.
        services.Configure<PasswordHasherOptions>(options =>
        {
            options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            options.IterationCount = 210_000;
        });

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, Security.AuditedAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(JusoRoles.Administrator))
            .AddPolicy(Policies.OverdueOverview, policy => policy.RequireRole(JusoRoles.Supervisor, JusoRoles.Chair, JusoRoles.Coordinator))
            .AddPolicy(Policies.CaseWork, policy => policy.RequireRole(JusoRoles.Coordinator, JusoRoles.Supervisor, JusoRoles.Chair, JusoRoles.AgencyMember));
        // The security headers middleware sends X-Frame-Options: DENY for every response already.
        services.AddAntiforgery(options =>
        {
            options.SuppressXFrameOptionsHeader = true;
            options.Cookie = insecureCookies ? new CookieBuilder() : new HttpsOrLoopback.SecureCookieBuilder();
            options.Cookie.Name = insecureCookies ? "Juso.Antiforgery" : "__Host-Juso.Antiforgery";
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.IsEssential = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Behind a TLS-terminating proxy the client address and scheme come from X-Forwarded-*, trusted only
        // from the proxies listed in ReverseProxy:KnownProxies (loopback by default).
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
    }

    /// <summary>
    /// The municipality's directory as an OpenID provider (authorization code with PKCE), when configured. It only
    /// vouches for a person: its answer lands in Identity's short external cookie, and the callback page signs in the
    /// matching Juso user through the same session path as a password (docs/adr/0011-directory-sign-in.md).
    /// </summary>
    private static void AddDirectory(IServiceCollection services, Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication, IConfiguration configuration, bool insecureCookies)
    {
        var directory = configuration.GetSection(DirectoryOptions.Section).Get<DirectoryOptions>() ?? new DirectoryOptions();
        services.AddSingleton(directory);
        services.AddScoped<DirectorySignInService>();
        if (!directory.IsEnabled)
        {
            return;
        }
        // Plain HTTP to the directory would let anyone on the way forge who signs in; only a provider on this machine may use it.
        if (!directory.RequireHttpsMetadata && !new Uri(directory.Authority!).IsLoopback)
        {
            throw new InvalidOperationException($"{DirectoryOptions.Section}:RequireHttpsMetadata=false is allowed only for a provider on loopback, not {directory.Authority}.");
        }
        authentication.AddOpenIdConnect(DirectoryOptions.Scheme, directory.DisplayName, oidc =>
        {
            oidc.Authority = directory.Authority;
            oidc.ClientId = directory.ClientId;
            oidc.ClientSecret = directory.ClientSecret;
            oidc.RequireHttpsMetadata = directory.RequireHttpsMetadata;
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            oidc.ResponseType = Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;
            // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax
            // (a form_post would need SameSite=None, which browsers take only over HTTPS).
            oidc.ResponseMode = Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectResponseMode.Query;
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = insecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            oidc.NonceCookie.SecurePolicy = oidc.CorrelationCookie.SecurePolicy;
            oidc.MapInboundClaims = false;
            // How the directory checked the person ("amr") decides whether Juso's own code is asked for too.
            oidc.ClaimActions.Remove("amr");
            oidc.SaveTokens = false;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            oidc.Scope.Add("profile");
            oidc.Scope.Add("email");
            // A cancelled or failed sign-in at the directory ends on our Japanese page, not on an exception.
            oidc.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectoryOptions))
                    .LogWarning(context.Failure, "Sign-in at the directory failed.");
                context.Response.Redirect(AccountEndpoints.DirectoryCallbackPath);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
