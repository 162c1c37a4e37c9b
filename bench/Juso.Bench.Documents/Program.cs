using System.Diagnostics;
using Juso.Portal.Features.Documents;
using Juso.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Documents benchmark: warm render times of a two-page 支援プラン, a 12-case agenda and 12-case minutes, then 100
// renders 8 at a time (plan and minutes alternating) with every PDF read back and its text checked.
// Usage: dotnet run -c Release --project bench/Juso.Bench.Documents [-- --runs 60] [-- --write folder]
// First print after a start, as a clerk meets it (a fresh process each time): -- --first-print [--warm]; with --warm
// the portal's DocumentWarmUp runs in the host, and the print is timed once it has finished.
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(60);
var writeTo = args.SkipWhile(a => a != "--write").Skip(1).FirstOrDefault();
var firstPrintOnly = args.Contains("--first-print");
var warmUp = args.Contains("--warm");

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddPrintRenderer(new DocumentOptions
{
    ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    MaxConcurrentRenders = 8,
});
builder.Services.AddSingleton(TimeProvider.System);
if (warmUp)
{
    builder.Services.AddHostedService<DocumentWarmUp>();
}
using var host = builder.Build();
var startWatch = Stopwatch.StartNew();
await host.StartAsync();
var startedMs = startWatch.ElapsedMilliseconds;
if (warmUp)
{
    await host.Services.GetServices<IHostedService>().OfType<DocumentWarmUp>().Single().ExecuteTask!;
}
var warmedMs = startWatch.ElapsedMilliseconds;
var renderer = host.Services.GetRequiredService<ChromiumPdfRenderer>();

var plan = DocumentSamples.TwoPagePlan();
var agenda = DocumentSamples.TwelveCaseAgenda();
var minutes = DocumentSamples.TwelveCaseMinutes();

var launch = Stopwatch.StartNew();
var first = await renderer.RenderPdfAsync(plan);
Console.WriteLine($"first render ({(warmUp ? "after the warm-up" : "browser launch included")}): {launch.ElapsedMilliseconds} ms; "
    + $"host started in {startedMs} ms{(warmUp ? $", warm-up finished {warmedMs} ms after the start" : string.Empty)}; browser launches {renderer.Launches}");
if (firstPrintOnly)
{
    await host.StopAsync();
    return 0;
}
if (writeTo is not null)
{
    Directory.CreateDirectory(writeTo);
    await File.WriteAllBytesAsync(Path.Combine(writeTo, "plan.pdf"), first);
    await File.WriteAllBytesAsync(Path.Combine(writeTo, "agenda.pdf"), await renderer.RenderPdfAsync(agenda));
    await File.WriteAllTextAsync(Path.Combine(writeTo, "plan.html"), await renderer.RenderHtmlAsync(plan));
}

await Measure("two-page plan", plan, p => p.Count == 2 && string.Concat(p).Contains("内容に同意します", StringComparison.Ordinal));
await Measure("12-case agenda", agenda, p => string.Concat(p).Contains("議題（12件、計120分）", StringComparison.Ordinal));
await Measure("12-case minutes", minutes, p => minutes.Items.All(i => string.Concat(p).Contains(i.CaseNumber, StringComparison.Ordinal)));

// 100 renders, 8 at a time (the renderer itself lets 8 print at once), every PDF read back.
var corrupted = 0;
var total = Stopwatch.StartNew();
var latencies = new List<double>();
await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
{
    var document = i % 2 == 0 ? (PrintDocument)plan : minutes;
    var watch = Stopwatch.StartNew();
    var pdf = await renderer.RenderPdfAsync(document, ct);
    watch.Stop();
    var ok = Verify(document, pdf);
    lock (latencies)
    {
        latencies.Add(watch.Elapsed.TotalMilliseconds);
        corrupted += ok ? 0 : 1;
    }
});
total.Stop();
Console.WriteLine($"100 renders 8 at a time (plan and minutes alternating): {total.ElapsedMilliseconds} ms in all, "
    + $"p50 {Percentile(latencies, 50):0} ms, p95 {Percentile(latencies, 95):0} ms per render, corrupted {corrupted}");
Console.WriteLine($"browser launches: {renderer.Launches}");
await host.StopAsync();
return corrupted == 0 ? 0 : 1;

async Task Measure(string name, PrintDocument document, Func<IReadOnlyList<string>, bool> check)
{
    for (var i = 0; i < 5; i++)
    {
        await renderer.RenderPdfAsync(document);
    }
    var times = new List<double>();
    var size = 0;
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        var pdf = await renderer.RenderPdfAsync(document);
        times.Add(watch.Elapsed.TotalMilliseconds);
        size = pdf.Length;
        if (!check(PdfText.Pages(pdf)))
        {
            throw new InvalidOperationException($"{name}: unexpected text");
        }
    }
    Console.WriteLine($"{name}: warm, one at a time, {runs} runs: p50 {Percentile(times, 50):0} ms, p95 {Percentile(times, 95):0} ms, {size / 1024} KB, {PdfText.Pages(await renderer.RenderPdfAsync(document)).Count} pages");
}

// Read without ActualText, as the simplest PDF reader would: the text must be exact in the ToUnicode mapping itself.
static bool Verify(PrintDocument document, byte[] pdf)
{
    var text = PdfText.RawText(pdf);
    return !PdfText.HasRadicals(text) && document switch
    {
        PlanDocumentModel p => text.Contains(p.PlanNumber, StringComparison.Ordinal) && text.Contains("内容に同意します", StringComparison.Ordinal)
            && p.Assignments.All(a => text.Contains(a.Task[..8], StringComparison.Ordinal)),
        AgendaDocumentModel a => a.Items.All(i => text.Contains(i.CaseNumber, StringComparison.Ordinal)) && text.Contains(a.Title.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)
            || a.Items.All(i => text.Contains(i.CaseNumber, StringComparison.Ordinal)),
        MinutesDocumentModel m => text.Contains("議事録", StringComparison.Ordinal) && m.Items.All(i => text.Contains(i.CaseNumber, StringComparison.Ordinal)),
        _ => false,
    };
}

static double Percentile(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
