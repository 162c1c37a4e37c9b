using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Juso.Tests.Support;

/// <summary>
/// Debian's nginx (installed by test.sh) on a free loopback port, running the deployment recipe
/// <c>deploy/nginx/juso.conf</c> with only its addresses and certificate paths changed, TLS with a throwaway
/// self-signed certificate, and one test-only header naming the instance that answered.
/// </summary>
public sealed class NginxServer : IDisposable
{
    /// <summary>The upstream address (127.0.0.1:port) that served a response.</summary>
    public const string UpstreamHeader = "X-Juso-Upstream";

    private readonly Process _process;
    private readonly string _directory;

    private NginxServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"https://127.0.0.1:{Port}";

    /// <summary>The recipe in the repository, as an administrator copies it.</summary>
    public static string RecipePath
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Juso.sln")))
            {
                root = root.Parent;
            }
            return Path.Combine(root?.FullName ?? throw new InvalidOperationException("Juso.sln not found"), "deploy", "nginx", "juso.conf");
        }
    }

    public static async Task<NginxServer> StartAsync(int firstInstancePort, int secondInstancePort)
    {
        const string executable = "/usr/sbin/nginx";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException("nginx がありません。./test.sh が Debian の nginx パッケージを入れます。");
        }
        var directory = Path.Combine(Path.GetTempPath(), "juso-tests", "nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-keyout", Path.Combine(directory, "juso.key"), "-out", Path.Combine(directory, "juso.crt"));
        var port = RedisServer.FreePort();
        var site = Replace(await File.ReadAllTextAsync(RecipePath), new Dictionary<string, string>
        {
            ["server 10.0.0.11:5080"] = $"server 127.0.0.1:{firstInstancePort}",
            ["server 10.0.0.12:5080"] = $"server 127.0.0.1:{secondInstancePort}",
            ["listen 443 ssl http2;"] = $"listen 127.0.0.1:{port} ssl http2;",
            ["listen 80;"] = $"listen 127.0.0.1:{RedisServer.FreePort()};",
            ["/etc/nginx/tls/"] = directory + "/",
            ["location / {"] = $"location / {{\n        add_header {UpstreamHeader} $upstream_addr always;",
        });
        // Single process in the foreground, everything it writes in the test's folder.
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
            {{site}}
            }
            """);
        var process = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList = { "-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-e", Path.Combine(directory, "error.log") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var server = new NginxServer(process, directory, port);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {server.ErrorLog}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>What nginx logged (warnings and errors), for assertion messages.</summary>
    public string ErrorLog
    {
        get
        {
            var path = Path.Combine(_directory, "error.log");
            return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        }
    }

    /// <summary>A client of the proxy keeping cookies like a browser, trusting the throwaway certificate; redirects are left to the test.</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        }) { BaseAddress = new Uri(BaseUrl) };

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    /// <summary>Each change must find its text: a recipe edited past the test fails here, not silently.</summary>
    private static string Replace(string recipe, IReadOnlyDictionary<string, string> changes)
    {
        foreach (var (from, to) in changes)
        {
            Assert.True(recipe.Contains(from, StringComparison.Ordinal), $"deploy/nginx/juso.conf no longer contains \"{from}\"");
            recipe = recipe.Replace(from, to, StringComparison.Ordinal);
        }
        return recipe;
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} failed: {await errors}");
    }
}
