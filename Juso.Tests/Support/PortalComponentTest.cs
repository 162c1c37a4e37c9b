using Bunit;
using Juso.Infrastructure;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Monitoring;
using Juso.Portal.Features.Plans;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Juso.Tests.Support;

/// <summary>bUnit with the portal's real feature services over a migrated SQLite file, signed in as the coordinator.</summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "juso-tests", Guid.NewGuid().ToString("N"));

    protected TestAuthenticationStateProvider Auth { get; } = new() { User = TestUsers.Coordinator() };

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" }).Build();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(PortalHarness.Start));
        Services.AddJusoInfrastructure(configuration, _directory);
        Services.AddMudServices();
        Services.AddScoped<ClientInfo>();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton<AuditLog>();
        Services.AddScoped<CaseChangeBroadcast>();
        Services.AddScoped<CaseWork>();
        Services.AddScoped<StaffDirectory>();
        Services.AddScoped<TaskSuggestions>();
        Services.AddScoped<IntakeService>();
        Services.AddScoped<CaseService>();
        Services.AddScoped<CoordinationService>();
        Services.AddScoped<PlanService>();
        Services.AddScoped<MonitoringService>();
        Services.AddScoped<Juso.Portal.Features.Meetings.ActionItemService>();
        Juso.Portal.Hosting.PortalServices.AddDocuments(Services, configuration);
        Services.AddScoped<AuthenticationStateProvider>(_ => Auth);
        JSInterop.Mode = JSRuntimeMode.Loose;
        await Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected JusoDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContext();
}
