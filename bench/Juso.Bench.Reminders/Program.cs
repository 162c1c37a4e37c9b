using System.Diagnostics;
using System.Globalization;
using Juso.Domain.Agencies;
using Juso.Domain.Common;
using Juso.Infrastructure;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Monitoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// The overdue-monitoring scan of AlertOverdueMonitoringJob over generated plans on SQLite:
//   dotnet run -c Release --project bench/Juso.Bench.Reminders -- [plans=100000] [runs=10]
// Prints the query, SQLite's query plan (the index on the due date must be used) and the timings.
var plans = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var directory = Path.Combine(Path.GetTempPath(), "juso-bench-reminders-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, JapanDate.Offset);
var today = JapanDate.Today(now);

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" }).Build();
var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddJusoInfrastructure(configuration, directory).BuildServiceProvider();
try
{
    await using (var scope = services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    }
    var factory = services.GetRequiredService<IDbContextFactory<JusoDbContext>>();
    var generate = Stopwatch.StartNew();
    var overdueExpected = await GenerateAsync(factory, plans, today, now);
    Console.WriteLine($"Generated {plans:N0} plans in {generate.Elapsed.TotalSeconds:F1} s ({overdueExpected:N0} active and overdue on open cases).");

    await using var db = await factory.CreateDbContextAsync();
    var scan = MonitoringAlerts.DueBy(db, MonitoringAlerts.Beginning, today.AddDays(-1));
    Console.WriteLine();
    Console.WriteLine("Query:");
    Console.WriteLine(scan.ToQueryString());
    Console.WriteLine();
    Console.WriteLine("EXPLAIN QUERY PLAN:");
    var plan = await ExplainAsync(db, scan);
    plan.ForEach(line => Console.WriteLine("  " + line));
    var usesIndex = plan.Any(l => l.Contains("USING INDEX IX_Plans_Status_NextMonitoringDue", StringComparison.Ordinal) && l.Contains("NextMonitoringDue>", StringComparison.Ordinal));
    Console.WriteLine(usesIndex
        ? "=> the scan seeks the index IX_Plans_Status_NextMonitoringDue on (Status, NextMonitoringDue)."
        : "=> WARNING: the scan does not seek the due-date index.");

    var found = (await scan.ToListAsync()).Count; // warm-up, and the check that the scan finds what was generated
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        await using var fresh = await factory.CreateDbContextAsync();
        var watch = Stopwatch.StartNew();
        var rows = await MonitoringAlerts.DueBy(fresh, MonitoringAlerts.Beginning, today.AddDays(-1)).ToListAsync();
        times.Add(watch.Elapsed.TotalMilliseconds);
        if (rows.Count != found)
        {
            throw new InvalidOperationException("The scan returned a different number of rows.");
        }
    }
    times.Sort();
    Console.WriteLine();
    Console.WriteLine($"Overdue scan: {found:N0} rows (expected {overdueExpected:N0}); {runs} runs, fresh context each: "
                      + $"min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms (target < 1000 ms).");
    return found == overdueExpected && usesIndex ? 0 : 1;
}
finally
{
    await services.DisposeAsync();
    SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

// Households, cases and plans written with prepared INSERTs in one transaction (the domain path would take an hour for
// 100,000 cases and is not what is measured). Mix: 70 % active plans due within ±200 days, the rest drafts, evaluated
// or stopped; 5 % of cases closed; 3 % with consent withdrawn. Returns how many the scan must find.
static async Task<int> GenerateAsync(IDbContextFactory<JusoDbContext> factory, int count, DateOnly today, DateTimeOffset now)
{
    await using var db = await factory.CreateDbContextAsync();
    var agency = Agency.Create("ひばり野市 福祉総合相談課", AgencyField.Other, AgencyOperation.Direct, null, now);
    db.Agencies.Add(agency);
    await db.SaveChangesAsync();
    var connection = (SqliteConnection)db.Database.GetDbConnection();
    // Opened through EF, so the connection gets the functions the household search index's triggers call.
    await db.Database.OpenConnectionAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    var stamp = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    var household = Command(connection, transaction, "INSERT INTO Households (Id, Version, CreatedAt, UpdatedAt) VALUES ($id, 1, $at, $at)", "$id", "$at");
    var supportCase = Command(connection, transaction,
        "INSERT INTO Cases (Id, FiscalYear, Sequence, HouseholdId, Stage, IntakeDate, IntakeRoute, IntakeSummary, LeadAgencyId, CurrentConsent, IsHandedBack, Version, CreatedAt, UpdatedAt) "
        + "VALUES ($id, $year, $seq, $id, $stage, $date, 'Counter', '生成データ', $lead, $consent, 0, 1, $at, $at)",
        "$id", "$year", "$seq", "$stage", "$date", "$lead", "$consent", "$at");
    var plan = Command(connection, transaction,
        "INSERT INTO Plans (Id, SupportCaseId, PlanVersion, Kind, Status, LeadAgencyId, UsesParticipationSupport, UsesOutreach, MonitoringIntervalDays, NextMonitoringDue, Version, CreatedAt, UpdatedAt) "
        + "VALUES ($id, $id, 1, 'WithConsent', $status, $lead, 0, 0, 90, $due, 1, $at, $at)",
        "$id", "$status", "$lead", "$due", "$at");
    var random = new Random(20261123);
    var overdue = 0;
    for (var id = 1; id <= count; id++)
    {
        var closed = random.Next(100) < 5;
        var withdrawn = !closed && random.Next(100) < 3;
        var status = random.Next(100) switch { < 70 => "Active", < 80 => "Draft", < 95 => "Evaluated", _ => "Stopped" };
        var due = today.AddDays(random.Next(-200, 200));
        if (status == "Active" && !closed && !withdrawn && due < today)
        {
            overdue++;
        }
        var intake = today.AddDays(-random.Next(0, 1500));
        await Run(household, id, stamp);
        await Run(supportCase, id, FiscalYear.Of(intake).StartYear, id, closed ? "Closed" : "Support", intake.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), agency.Id,
            withdrawn ? "Withdrawn" : "Obtained", stamp);
        await Run(plan, id, status, agency.Id, status == "Draft" ? DBNull.Value : due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), stamp);
    }
    await transaction.CommitAsync();
    return overdue;

    static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    static async Task Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        await command.ExecuteNonQueryAsync();
    }
}

static async Task<List<string>> ExplainAsync(JusoDbContext db, IQueryable<DuePlan> query)
{
    await using var command = query.CreateDbCommand();
    command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
    await db.Database.OpenConnectionAsync();
    await using var reader = await command.ExecuteReaderAsync();
    var lines = new List<string>();
    while (await reader.ReadAsync())
    {
        lines.Add(reader.GetString(3));
    }
    return lines;
}
