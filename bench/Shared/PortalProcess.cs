using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// The portal as its own process for a bench (Release build, embedded SQLite with the demo data in a fresh directory,
/// loopback only), so that its memory and CPU time are read alone from /proc. Disposing kills it and removes the data.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PortalProcess(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }

    public string DataDirectory { get; }

    public int Id => _process.Id;

    /// <summary>The built portal (or BENCH_PORTAL_DLL), or null (with the reason on stderr) when it has not been built.</summary>
    public static string? FindPortalDll()
    {
        // Another build of the portal (e.g. a copy of the one before a change), to compare two builds back to back.
        if (Environment.GetEnvironmentVariable("BENCH_PORTAL_DLL") is { Length: > 0 } other)
        {
            return other;
        }
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Juso.sln")))
        {
            dir = dir.Parent;
        }
        if (dir is null)
        {
            throw new InvalidOperationException("Juso.sln not found above " + AppContext.BaseDirectory);
        }
        var dll = Path.Combine(dir.FullName, "Juso.Portal", "bin", "Release", "net10.0", "Juso.Portal.dll");
        if (File.Exists(dll))
        {
            return dll;
        }
        Console.Error.WriteLine($"Build the portal first: dotnet build -c Release ({dll} is missing)");
        return null;
    }

    /// <summary>Starts the portal on a free loopback port with <paramref name="settings"/> as extra environment, and waits until it is healthy.</summary>
    public static async Task<PortalProcess> StartAsync(string portalDll, string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var data = Path.Combine(Path.GetTempPath(), $"juso-bench-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", $"\"{portalDll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(portalDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__DataDirectory"] = data;
        start.Environment["Database__SeedDemoData"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        // BENCH_PORTAL_LOG=FILE keeps the portal's warnings and errors, to find out why a run failed.
        var log = Environment.GetEnvironmentVariable("BENCH_PORTAL_LOG") is { Length: > 0 } logFile
            ? TextWriter.Synchronized(new StreamWriter(logFile, append: true) { AutoFlush = true })
            : null;
        process.OutputDataReceived += (_, line) => log?.WriteLine(line.Data);
        process.ErrorDataReceived += (_, line) => log?.WriteLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, baseUrl, data);
        try
        {
            await portal.WaitForHealthAsync();
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
        return portal;
    }

    /// <summary>Resident memory in KB (/proc/PID/status).</summary>
    public long RssKb() => ProcessMeasures.RssKb(_process);

    /// <summary>Resident memory in KB by kind of mapping (<see cref="ProcessMeasures.RssKbByKind"/>).</summary>
    public Dictionary<string, long> RssKbByKind() => ProcessMeasures.RssKbByKind(_process);

    /// <summary>CPU time the portal has used so far, all its threads (user and system).</summary>
    public TimeSpan Cpu() => ProcessMeasures.Cpu(_process);

    /// <summary>The portal's CPU time over <paramref name="seconds"/> in which the bench does nothing, in ms per second.</summary>
    public async Task<double> IdleCpuAsync(int seconds = 10)
    {
        var before = Cpu();
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return (Cpu() - before).TotalMilliseconds / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Lets the portal finish what the last requests started before its memory is read.</summary>
    public Task SettleAsync() => ProcessMeasures.SettleAsync(_process);

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        // A shared machine starts the portal slowly.
        var deadline = DateTime.UtcNow.AddSeconds(300);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException("the portal did not become healthy within 300 s");
            }
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Percentiles of a bench's sorted samples (nearest rank).</summary>
internal static class Percentile
{
    public static double Of(IReadOnlyList<double> sorted, int percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
