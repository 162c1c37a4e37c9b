using System.Globalization;
using Juso.Infrastructure;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Juso.Portal.Features.Account;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Documents;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Juso.Portal.Hosting;

/// <summary>The composition root: everything the portal registers, in one place.</summary>
public static class PortalServices
{
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static WebApplicationBuilder AddJusoPortal(this WebApplicationBuilder builder)
    {
        // MudBlazor's CSS and JS come from the build output's static web assets manifest, which only Development reads
        // by default; run.sh and the tests run Production from the build output. Published output has no manifest
        // (the assets are in its wwwroot), and then this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddJusoPortal(builder.Configuration, builder.Environment.ContentRootPath);
        return builder;
    }

    /// <summary>Everything but the host; tests call this directly to build the real services over their own database.</summary>
    public static IServiceCollection AddJusoPortal(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        CultureInfo.DefaultThreadCurrentCulture = Japanese;
        CultureInfo.DefaultThreadCurrentUICulture = Japanese;

        services.AddJusoInfrastructure(configuration, DataDirectory(configuration, contentRoot));
        services.TryAddSingleton(TimeProvider.System);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(mud =>
        {
            // Snackbars only confirm what the page already shows, and hide themselves; MudBlazor's close button has no accessible name.
            mud.SnackbarConfiguration.ShowCloseIcon = false;
            // The result of a save shows at once (SaveFeedback clears the older ones) and fades in quickly, not in a second.
            mud.SnackbarConfiguration.PreventDuplicates = false;
            mud.SnackbarConfiguration.ShowTransitionDuration = 150;
            mud.SnackbarConfiguration.HideTransitionDuration = 300;
            // Each circuit's popover service wakes on this period to detach closed popovers, also when there are none:
            // at MudBlazor's 0.5 s, 100 open boards woke the portal 200 times a second (docs/adr/0032-board-fan-out-cost.md).
            // Detaching only unhooks a closed popover's observers in the browser, so it may wait.
            mud.PopoverOptions.QueueDelay = TimeSpan.FromSeconds(30);
        });
        services.TryAddTransient<MudBlazor.MudLocalizer>();
        services.AddLocalizationInterceptor<Components.Layout.JapaneseMudLocalization>();
        services.AddSingleton<Components.Layout.ThemeStylesheet>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<Features.Documents.DocumentHealthCheck>("documents", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);

        AddSecurity(services, configuration);
        AddFeatures(services);
        AddMeetingBoards(services, configuration, AddRedis(services, configuration));
        services.AddJusoJobs(configuration);
        AddDocuments(services, configuration);
        return services;
    }

    /// <summary>Storage:DataDirectory, relative to the content root (default App_Data).</summary>
    public static string DataDirectory(IConfiguration configuration, string contentRoot) =>
        configuration["Storage:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : Path.Combine(contentRoot, "App_Data");

    /// <summary>
    /// With Redis:Configuration set, one Redis connection for the instances to tell each other of changes: the board
    /// hub's backplane, the board relay and the notification bells (channel juso:notifications, picked up by
    /// <see cref="Features.Notifications.NotificationNotifier"/>). Redis down at start or later: keep serving this
    /// instance, keep trying in the background; /health says so.
    /// </summary>
    private static bool AddRedis(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Redis:Configuration"] is not { Length: > 0 } redis)
        {
            return false;
        }
        var options = StackExchange.Redis.ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        options.ClientName = "juso-portal";
        services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(options));
        // Several instances: one would not hear of the others' saves, so every report is counted from the data (ADR 0026).
        services.AddSingleton(Juso.Infrastructure.Persistence.ReportYearCache.Disabled);
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return true;
    }

    /// <summary>
    /// Live boards: an in-process notifier, the board hub, and with Redis, the Redis backplane for the board hub plus
    /// a Redis relay for the other instances' boards. Only the board hub goes through the backplane, so that Blazor's
    /// own circuits never depend on Redis (docs/adr/0007-live-meeting-boards.md).
    /// </summary>
    private static void AddMeetingBoards(IServiceCollection services, IConfiguration configuration, bool withRedis)
    {
        services.AddSignalR().AddHubOptions<MeetingBoardHub>(hub => hub.AddFilter<HubSessionFilter>());
        services.AddSingleton<BoardSnapshots>();
        services.AddSingleton<MeetingBoardNotifier>();
        services.AddSingleton<BoardPresence>();
        services.AddScoped<MeetingWork>();
        services.AddScoped<MeetingService>();
        services.AddScoped<MeetingScheduleService>();
        services.AddScoped<ActionItemService>();
        services.AddScoped<MeetingBoardService>();
        services.AddScoped<WallDisplayService>();
        services.AddScoped<BoardOutcomeService>();
        services.AddScoped<ICaseChangeListener, MeetingCaseListener>();
        services.AddScoped<MeetingLeadListener>();
        services.AddScoped<CaseChangeBroadcast>();
        if (withRedis)
        {
            services.AddSingleton<RedisBoardRelay>();
            services.AddSingleton<IBoardRelay>(sp => sp.GetRequiredService<RedisBoardRelay>());
            services.AddSingleton(new BoardPresenceTiming(configuration.GetValue(BoardPresenceTiming.Key, BoardPresenceTiming.Default)));
            services.AddHostedService<BoardPresenceHeartbeat>();
        }
        else
        {
            services.AddSingleton<IBoardRelay, LocalBoardRelay>();
        }
    }

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

    /// <summary>PDF printing: one warm Chromium for the whole app (singleton), rendered from Razor components.</summary>
    internal static void AddDocuments(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Features.Documents.DocumentOptions.Section).Get<Features.Documents.DocumentOptions>() ?? new Features.Documents.DocumentOptions();
        services.AddPrintRenderer(options);
        services.AddScoped<Features.Documents.PlanPrintService>();
        services.AddScoped<Features.Documents.AgendaPrintService>();
        services.AddScoped<Features.Documents.MinutesPrintService>();
        if (options.WarmUpAtStart)
        {
            services.AddHostedService<Features.Documents.DocumentWarmUp>();
        }
    }

    private static void AddFeatures(IServiceCollection services)
    {
        services.AddScoped<CaseWork>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<CaseService>();
        services.AddScoped<IntakeService>();
        services.AddScoped<HouseholdService>();
        services.AddScoped<CoordinationService>();
        services.AddScoped<Features.Plans.PlanService>();
        services.AddScoped<Features.Monitoring.MonitoringService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<AgencyAdminService>();
        services.AddScoped<ConcernCategoryAdminService>();
        services.AddScoped<AuditLogService>();
        services.AddScoped<ReminderSettingsService>();
        services.AddScoped<BackupService>();
        services.AddScoped<Features.Notifications.NotificationService>();
        services.AddScoped<Features.Monitoring.OverdueOverviewService>();
        services.AddScoped<Features.Reports.ReportService>();
        services.AddScoped<Features.Reports.ReportExportService>();
        services.AddScoped<Features.Reports.IndicatorTargetsService>();
        services.AddScoped<Features.Import.LedgerImportService>();
        services.AddScoped<Features.Participation.ResourceDirectoryService>();
        services.AddScoped<Features.Participation.ParticipationQueries>();
        services.AddScoped<Features.Participation.ParticipationPlanService>();
        services.AddScoped<Features.Participation.ParticipationFigures>();
        services.AddScoped<Features.Community.CommunityService>();
        services.AddScoped<Features.Outreach.LeadWork>();
        services.AddScoped<Features.Outreach.LeadService>();
        services.AddScoped<Features.Outreach.LeadChangeService>();
        services.AddScoped<Features.Outreach.OutreachPlanService>();
        services.AddScoped<Features.Outreach.LeadAgendaService>();
        services.AddSingleton<Features.Outreach.OutreachFigures>();
        services.AddScoped<Features.Reports.IIndicatorSource, Features.Outreach.OutreachIndicators>();
        services.AddScoped<Features.Reports.IIndicatorSource, Features.Participation.ParticipationIndicators>();
    }
}

public static class Policies
{
    public const string Administrator = nameof(Administrator);

    /// <summary>Case pages: every role but the administrator's (what each sees is decided per case).</summary>
    public const string CaseWork = nameof(CaseWork);

    /// <summary>The overview of overdue monitoring across agencies: supervisors first, and the coordinating roles.</summary>
    public const string OverdueOverview = nameof(OverdueOverview);
}
