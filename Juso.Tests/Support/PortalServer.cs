using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Support;

/// <summary>
/// The real portal on Kestrel at a free loopback port, with its own SQLite file filled with the demo
/// municipality, and a 2-second revalidation so tests see sessions end without waiting a minute.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string _directory;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="directory">Shared by several instances to run them over one database.</param>
    /// <param name="settings">Extra configuration, such as Redis:Configuration.</param>
    /// <param name="environment">
    /// Development by default: its plain cookies are what the tests' .NET HTTP and SignalR clients keep over
    /// http://127.0.0.1. "Production" runs what run.sh and a deployment run (Secure __Host- cookies, the error page).
    /// </param>
    /// <param name="services">Extra services, such as a startup filter that adds a failing endpoint.</param>
    public PortalServer(string? directory = null, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        _directory = directory ?? Path.Combine(Path.GetTempPath(), "juso-tests", "server-" + Guid.NewGuid().ToString("N"));
        _settings = settings ?? new Dictionary<string, string?>();
        _environment = environment;
        _services = services;
        Directory.CreateDirectory(_directory);
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// <summary>A service scope signed in as the demo user <paramref name="userName"/>, as that user's circuit is.</summary>
    public async Task<AsyncServiceScope> SignedInScopeAsync(string userName)
    {
        var scope = Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>().FindByNameAsync(userName))!;
        scope.ServiceProvider.GetRequiredService<ClientInfo>().Principal =
            await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<JusoUser>>().CreateAsync(user);
        return scope;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
        builder.UseSetting("Storage:DataDirectory", _directory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Security:RevalidationInterval", "00:00:02");
        // Dozens of test portals would each launch a print browser at start; DocumentWarmUpTests covers the warm-up.
        builder.UseSetting("Documents:WarmUpAtStart", "false");
        // Otherwise a test run after 8:00 日本時間 starts with the day's alerts and meeting mails already sent.
        builder.UseSetting("Jobs:CatchUpAtStart", "false");
        // No yearly report counted in the background either; ReportWarmUpTests covers it.
        builder.UseSetting("Reports:WarmUpAtStart", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner; fictional data only.
        }
    }
}
