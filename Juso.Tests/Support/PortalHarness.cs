using System.Security.Claims;
using Juso.Domain.Agencies;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Juso.Tests.Support;

/// <summary>
/// The portal's real services over a fresh SQLite file migrated with the real migrations, a fake clock,
/// and a test-controlled signed-in user. One harness per test.
/// </summary>
public sealed class PortalHarness : IAsyncDisposable
{
    /// <summary>Monday 23 November 2026, 10:00 in Japan.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(9));

    private readonly string _directory;

    private PortalHarness(string directory, ServiceProvider services, FakeTimeProvider time)
    {
        _directory = directory;
        Services = services;
        Time = time;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public string Directory => _directory;

    /// <param name="configure">Replaces services after the portal's own registrations (e.g. a recording mail queue).</param>
    public static async Task<PortalHarness> CreateAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "juso-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = directory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddJusoPortal(configuration, directory);
        services.AddScoped<TestAuthenticationStateProvider>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<TestAuthenticationStateProvider>());
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        }
        return new PortalHarness(directory, provider, time);
    }

    /// <summary>A scope (like one circuit) in which <paramref name="user"/> is signed in, calling from 192.0.2.10.</summary>
    public AsyncServiceScope As(ClaimsPrincipal user)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestAuthenticationStateProvider>().User = user;
        scope.ServiceProvider.GetRequiredService<ClientInfo>().Address = "192.0.2.10";
        return scope;
    }

    public T Get<T>(AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public JusoDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContext();

    public async Task<Agency> AddAgencyAsync(string name, AgencyField field = AgencyField.Other, bool active = true)
    {
        await using var db = NewContext();
        var agency = Agency.Create(name, field, AgencyOperation.Direct, null, Time.GetUtcNow());
        if (!active)
        {
            agency.Deactivate(Time.GetUtcNow());
        }
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency;
    }

    /// <summary>A user who is staff of <paramref name="agency"/>, as the meeting forms offer them for membership or the chair.</summary>
    public async Task<MemberOption> AddStaffUserAsync(string id, string name, Agency agency)
    {
        await using var db = NewContext();
        var staff = Staff.Create(agency, name, "テスト", null, Time.GetUtcNow());
        db.Staff.Add(staff);
        await db.SaveChangesAsync();
        db.Users.Add(new JusoUser { Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), DisplayName = name, StaffId = staff.Id, CreatedAt = DateTime.UtcNow,
            SecurityStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync();
        return new MemberOption(id, name, agency.Id, agency.Name);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left for the temp cleaner; it holds only fictional test data.
        }
    }
}
