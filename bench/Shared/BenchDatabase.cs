using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Juso.Domain.Agencies;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// What the benches over generated data share: the portal's services on a fresh SQLite file in a temporary folder,
/// migrated with the real migrations; the 14 agencies; prepared INSERTs to write rows as an import or years of use would
/// leave them; percentiles; and the signed-in user. Dispose removes the folder.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _directory;

    private BenchDatabase(string directory, ServiceProvider services)
    {
        _directory = directory;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public IDbContextFactory<JusoDbContext> Factory => Services.GetRequiredService<IDbContextFactory<JusoDbContext>>();

    public static async Task<BenchDatabase> CreateAsync(string name, ILoggerProvider? logging = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"juso-bench-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite", ["Storage:DataDirectory"] = directory,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(builder =>
            {
                if (logging is not null)
                {
                    builder.AddProvider(logging);
                }
            })
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IConfiguration>(configuration)
            .AddJusoPortal(configuration, directory)
            .AddScoped<AuthenticationStateProvider, NobodySignedIn>()
            .BuildServiceProvider();
        var database = new BenchDatabase(directory, services);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        return database;
    }

    /// <summary>The 14 agencies of the generated municipality, saved through the Domain; <paramref name="configure"/> may give them programs.</summary>
    public async Task<int[]> AgenciesAsync(DateTimeOffset now, Action<List<Agency>>? configure = null)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var agencies = Enumerable.Range(1, 14).Select(i => Agency.Create($"相談機関{i}", (AgencyField)(i % 5), AgencyOperation.Direct, null, now)).ToList();
        configure?.Invoke(agencies);
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync();
        return agencies.Select(a => a.Id).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A prepared command whose parameters ($1, $name, …) are taken from the SQL in the order they first appear.</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in Regex.Matches(sql, @"\$\w+").Select(m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    public static async Task Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        await command.ExecuteNonQueryAsync();
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static double P(List<double> sorted, int percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>A signed-in user of <paramref name="role"/>, of <paramref name="agencyId"/> if given.</summary>
    public static ClaimsPrincipal User(string id, int? agencyId, string role)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, "bench"), new(ClaimTypes.Role, role) };
        if (agencyId is { } agency)
        {
            claims.Add(new Claim(JusoClaims.AgencyId, agency.ToString(CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bench"));
    }
}
