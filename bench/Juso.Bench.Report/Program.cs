using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Juso.Domain.Common;
using Juso.Domain.Statistics;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// The yearly report (ReportService.ReportAsync, as /reports calls it) over generated cases and 10 年度 on SQLite:
//   dotnet run -c Release --project bench/Juso.Bench.Report -- [cases=100000] [runs=10]
// Goal: under 1 s for the whole municipality over 10 年度.
var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, JapanDate.Offset);
var current = FiscalYear.Of(JapanDate.Today(now));
var first = new FiscalYear(current.StartYear - 9);

await using var bench = await BenchDatabase.CreateAsync("report");
var services = bench.Services;
var factory = bench.Factory;
var generate = Stopwatch.StartNew();
var (agencyIds, rows) = await Generator.RunAsync(bench, cases, first, now);
Console.WriteLine($"# Yearly report, {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}, load {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"Generated {cases:N0} cases over {JapaneseFormat.FiscalYear(first)}〜{JapaneseFormat.FiscalYear(current)} ({rows}) in {generate.Elapsed.TotalSeconds:F1} s.");

// "counted": nothing kept, every 年度 counted from the data (the first report after a start, or after a late edit of
// the first year); "kept": the closed 年度 come from ReportYearCache and only the current one is counted.
var coordinator = BenchDatabase.User("bench-coordinator", null, JusoRoles.Coordinator);
var member = BenchDatabase.User("bench-member", agencyIds[2], JusoRoles.AgencyMember);
var users = new (string Name, ClaimsPrincipal User, bool Kept)[]
{
    ("coordinator, every agency, counted", coordinator, false),
    ("coordinator, every agency, closed 年度 kept", coordinator, true),
    ("agency member, one agency, counted", member, false),
    ("agency member, one agency, closed 年度 kept", member, true),
};
var cache = services.GetRequiredService<ReportYearCache>();
Console.WriteLine();
// On a shared machine the wall time mostly measures the queue for a core; the process's CPU time per report (the report
// runs on one thread at a time) is what a quiet machine's wall time would come near.
Console.WriteLine("| report, 10 年度 | runs | p50 ms | p95 ms | max ms | CPU ms p50 | 新規 (last year) | 対応 (last year) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (name, user, kept) in users)
{
    var times = new List<double>();
    var cpu = new List<double>();
    ReportView? view = null;
    for (var i = 0; i < runs + 1; i++)
    {
        // One scope per page load; the first run warms up (and fills the cache) and is not counted.
        if (!kept)
        {
            cache.Invalidate(int.MinValue);
        }
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClientInfo>().Principal = user;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        view = await scope.ServiceProvider.GetRequiredService<ReportService>().ReportAsync(first, current);
        if (i > 0)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
    }
    times.Sort();
    cpu.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {runs} | {BenchDatabase.P(times, 50):0} | {BenchDatabase.P(times, 95):0} | {times[^1]:0} | {BenchDatabase.P(cpu, 50):0} | {view!.Report.Cell(ReportRows.New, current)!.Value:N0} | {view.Report.Cell(ReportRows.Handled, current)!.Value:N0} |"));
}

// The warm-up after a start (ReportWarmUp): the closed 年度 counted in the background, then the first report reads the
// current 年度 only.
cache.Invalidate(int.MinValue);
await using (var scope = services.CreateAsyncScope())
{
    scope.ServiceProvider.GetRequiredService<ClientInfo>().Principal = coordinator;
    var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var warm = Stopwatch.StartNew();
    var warmed = await reports.WarmAsync(CancellationToken.None);
    var warmCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var warmWall = warm.Elapsed;
    cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var report = Stopwatch.StartNew();
    await reports.ReportAsync(first, current);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Warm-up after start (one run): {warmed} closed 年度 in {warmWall.TotalMilliseconds:0} ms (CPU {warmCpu.TotalMilliseconds:0} ms); the first report then, coordinator, 10 年度: {report.Elapsed.TotalMilliseconds:0} ms (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds:0} ms)."));
}

// Where the time goes, for the widest report: loading the facts vs counting them, over the 10 年度 and over the
// current one alone (all a report counts once the closed years are kept).
Console.WriteLine();
foreach (var years in new[] { YearlyReport.Range(first, current), YearlyReport.Range(current, current) })
{
    await using var db = await factory.CreateDbContextAsync();
    var load = Stopwatch.StartNew();
    var facts = await ReportQueries.LoadAsync(db, years, null, JapanDate.Today(now));
    var loaded = load.Elapsed;
    var categories = await db.ConcernCategories.AsNoTracking().ToListAsync();
    var count = Stopwatch.StartNew();
    YearlyReport.Compute(facts, years, categories);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Split, {years.Count} 年度 (one run): ReportQueries.LoadAsync {loaded.TotalMilliseconds:0} ms ({facts.Cases.Count:N0} cases, {facts.Plans.Count:N0} plans, {facts.Meetings.Count:N0} meetings, {facts.Monitoring.Count:N0} reviews); YearlyReport.Compute {count.Elapsed.TotalMilliseconds:0} ms."));
}
return 0;
