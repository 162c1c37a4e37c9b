using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Import;
using Juso.Portal.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Imports a generated ledger (台帳) of fictional rows through LedgerImportService, as /admin/import does, on SQLite:
// read → preview → commit, then the same file again (every row unchanged) and a version with every row changed.
//   dotnet run -c Release --project bench/Juso.Bench.Import -- [rows=10000]
// Goal (issue 13): 10,000 rows well under a minute.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var directory = Path.Combine(Path.GetTempPath(), "juso-bench-import-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Sqlite", ["Storage:DataDirectory"] = directory,
}).Build();
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton(TimeProvider.System)
    .AddSingleton<IConfiguration>(configuration)
    .AddJusoPortal(configuration, directory)
    .AddScoped<AuthenticationStateProvider, NobodySignedIn>()
    .BuildServiceProvider();
try
{
    await using (var scope = services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    }
    var admin = new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "bench-admin"), new Claim(ClaimTypes.Name, "bench"), new Claim(ClaimTypes.Role, JusoRoles.Administrator)], "Bench"));
    var ledger = Ledger(rows, changed: false);
    Console.WriteLine($"# Ledger import, {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}, load {File.ReadAllText("/proc/loadavg").Trim()}");
    Console.WriteLine($"{rows:N0} rows, {ledger.Length / 1024.0 / 1024.0:F1} MB of CSV (UTF-8).");
    Console.WriteLine();
    Console.WriteLine("| run | read ms | preview ms | commit ms | total s | CPU s | allocated MB | peak working set MB | result |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    foreach (var (name, content) in new[] { ("first import", ledger), ("same file again", ledger), ("every row changed", Ledger(rows, changed: true)) })
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClientInfo>().Principal = admin;
        var service = scope.ServiceProvider.GetRequiredService<LedgerImportService>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var upload = await service.ReadAsync(content, "bench.csv");
        var read = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var preview = await service.PreviewAsync(upload, upload.Proposed);
        var previewed = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var result = await service.CommitAsync(upload, upload.Proposed);
        var committed = watch.Elapsed.TotalMilliseconds;
        if (!result.Saved || !preview.CanCommit)
        {
            throw new InvalidOperationException(string.Join(" / ", result.Problems.Take(5).Select(p => $"{p.Row} {p.Column} {p.Message}")));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {read:0} | {previewed:0} | {committed:0} | {total.Elapsed.TotalSeconds:F1} | {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} | {(GC.GetTotalAllocatedBytes(true) - allocated) / 1024.0 / 1024.0:0} | {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} | {result.Summary} |"));
    }
    await using (var db = await services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync())
    {
        Console.WriteLine();
        Console.WriteLine($"Stored: {await db.Cases.CountAsync():N0} cases, {await db.Plans.CountAsync():N0} plan versions, {await db.LedgerEntries.CountAsync():N0} ledger entries.");
    }
    return 0;
}
finally
{
    await services.DisposeAsync();
    SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

// Fictional rows over ten 年度: a third with plans, half closed, every tenth sharing a household with the row before.
static byte[] Ledger(int rows, bool changed)
{
    var categories = new[] { "ひきこもり", "8050", "病気・障害等", "不就労", "生活困窮", "高齢・介護", "子ども" };
    var text = new StringBuilder("台帳番号,受付日,氏名,ふりがな,生年月日,世帯番号,続柄,相談分類,本人同意,プラン承認日,終結日,備考\r\n");
    for (var i = 0; i < rows; i++)
    {
        var intake = new DateOnly(2016, 4, 1).AddDays(i * 3650 / rows);
        var household = i % 10 == 9 ? $"H{i - 1}" : $"H{i}";
        var relationship = i % 10 == 9 ? "子" : "本人";
        var plan = i % 3 == 0 ? intake.AddDays(40).ToString("yyyy/M/d", CultureInfo.InvariantCulture) : string.Empty;
        var closed = i % 2 == 0 && i % 10 != 8 ? intake.AddDays(200).ToString("yyyy/M/d", CultureInfo.InvariantCulture) : string.Empty;
        text.Append(CultureInfo.InvariantCulture, $"L{i:D6},{intake:yyyy/M/d},試験 {i}号,しけん いちごう,昭和50年1月1日,{household},{relationship},")
            .Append(CultureInfo.InvariantCulture, $"{categories[i % categories.Length]}、{categories[(i + 3) % categories.Length]},あり,{plan},{closed},{(changed ? "更新後" : "架空")}\r\n");
    }
    return Encoding.UTF8.GetBytes(text.ToString());
}
