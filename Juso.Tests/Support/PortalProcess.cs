using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Support;

/// <summary>
/// The built portal as a real child process (<c>dotnet Juso.Portal.dll</c>) over a data directory the test owns, on a
/// free loopback port: started, waited for by polling /health, killed with SIGKILL, and started again on the same
/// directory and port. Unlike <see cref="PortalServer"/>, a kill here loses exactly what a crash loses.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private PortalProcess(string dataDirectory, int port, IReadOnlyDictionary<string, string?> settings)
    {
        DataDirectory = dataDirectory;
        Port = port;
        _settings = settings;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The portal is not running.");

    /// <summary>What the process wrote so far, for assertion messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The portal's build output beside this test build (same configuration).</summary>
    public static string PortalDll
    {
        get
        {
            var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var framework = Path.GetFileName(testOutput);
            var configuration = Path.GetFileName(Path.GetDirectoryName(testOutput)!);
            var root = new DirectoryInfo(testOutput);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Juso.sln")))
            {
                root = root.Parent;
            }
            var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Juso.sln not found above " + testOutput),
                "Juso.Portal", "bin", configuration, framework, "Juso.Portal.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException(dll + " がありません。先に Juso.sln をビルドしてください。");
        }
    }

    /// <summary>A new temp data directory; the caller deletes it with <see cref="DeleteDirectory"/>.</summary>
    public static string NewDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "juso-tests", "process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>
    /// A new data directory holding a copy of the demo municipality, seeded once per test run with the real clock (as the
    /// portal would seed it), so that each test's first start costs a restart rather than a seeding.
    /// </summary>
    public static async Task<string> NewDemoDirectoryAsync()
    {
        var template = await DemoTemplate.Value;
        var directory = NewDataDirectory();
        File.Copy(Path.Combine(template, "juso.db"), Path.Combine(directory, "juso.db"));
        return directory;
    }

    private static readonly Lazy<Task<string>> DemoTemplate = new(async () =>
    {
        var directory = NewDataDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = directory,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddJusoPortal(configuration, directory);
        await using (var provider = services.BuildServiceProvider())
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync();
        }
        // The last connection closed checkpoints the WAL into juso.db: one file to copy.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return directory;
    });

    /// <param name="settings">Configuration keys (Section:Key) on top of the embedded defaults with demo data.</param>
    public static async Task<PortalProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var portal = new PortalProcess(dataDirectory, RedisServer.FreePort(), settings ?? new Dictionary<string, string?>());
        await portal.StartAsync();
        return portal;
    }

    /// <summary>Starts the portal (again) on the same directory and port, and waits until /health answers.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The portal is still running.");
        }
        _output.Clear();
        var settings = new Dictionary<string, string?>(_settings) { ["Urls"] = BaseUrl };
        _process = Launch(DataDirectory, settings, [], _output);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                // Degraded (no Redis, no font) still answers 200; the database check makes a broken database 503.
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, still starting.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The portal did not become healthy in {StartTimeout}:\n{Output}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL for the portal and its children (Chromium): no shutdown, no flush, like a power cut of the process.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Runs a maintenance command (--backup, --restore) on a data directory and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string dataDirectory, params string[] arguments)
    {
        var output = new ConcurrentQueue<string>();
        using var process = Launch(dataDirectory, new Dictionary<string, string?>(), arguments, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, string.Join('\n', output));
    }

    public static void DeleteDirectory(string directory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner; fictional data only.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private static Process Launch(string dataDirectory, IReadOnlyDictionary<string, string?> settings, string[] arguments, ConcurrentQueue<string> output)
    {
        var dll = PortalDll;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Database:Provider"] = "Sqlite",
            ["Database:SeedDemoData"] = "true",
            ["Security:RevalidationInterval"] = "00:00:02",
            // As PortalServer: no print browser at start unless a test asks for one.
            ["Documents:WarmUpAtStart"] = "false",
            ["Jobs:CatchUpAtStart"] = "false",
            ["Reports:WarmUpAtStart"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }
        output.Enqueue(line);
        while (output.Count > 400 && output.TryDequeue(out _))
        {
            // Only the tail matters for a failure message.
        }
    }
}
