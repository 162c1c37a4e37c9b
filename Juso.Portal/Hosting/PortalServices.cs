using System.Globalization;
using Juso.Infrastructure;
using Juso.Portal.Common;
using Juso.Portal.Features.Admin;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Documents;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Juso.Portal.Hosting;

/// <summary>
/// The composition root: everything the portal registers. Areas with many registrations have a file of their own
/// (PortalServices.Security.cs, PortalServices.MeetingBoards.cs); the feature services are listed here.
/// </summary>
public static partial class PortalServices
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
        if (configuration.GetValue(Features.Reports.ReportWarmUp.Setting, true))
        {
            services.AddHostedService<Features.Reports.ReportWarmUp>();
        }
        return services;
    }

    /// <summary>Storage:DataDirectory, relative to the content root (default App_Data).</summary>
    public static string DataDirectory(IConfiguration configuration, string contentRoot) =>
        configuration["Storage:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : Path.Combine(contentRoot, "App_Data");

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
        services.AddScoped<TaskSuggestions>();
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
