// Board fan-out benchmark (issue 4): N board clients on one meeting, latency from commit to receipt on every
// client, and the portal's memory per connection. The portal runs as its own process (Release build, embedded
// SQLite with the demo data) so that its memory is measured alone.
//
//   dotnet run -c Release --project bench/Juso.Bench.Board -- [clients...] [--rounds R]
//   e.g. dotnet run -c Release --project bench/Juso.Bench.Board -- 10 100 500
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

var roundsAt = Array.IndexOf(args, "--rounds");
var rounds = roundsAt >= 0 ? int.Parse(args[roundsAt + 1], CultureInfo.InvariantCulture) : 40;
var counts = args.Where((a, i) => roundsAt < 0 || (i != roundsAt && i != roundsAt + 1)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
if (counts.Count == 0)
{
    counts = [10, 100, 500];
}

var root = FindRoot();
var portalDll = Path.Combine(root, "Juso.Portal", "bin", "Release", "net10.0", "Juso.Portal.dll");
if (!File.Exists(portalDll))
{
    Console.Error.WriteLine($"Build the portal first: dotnet build -c Release ({portalDll} is missing)");
    return 1;
}

Console.WriteLine($"# Board fan-out, {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}, {rounds} changes per run");
Console.WriteLine("| clients | changes | deliveries | missing | p50 ms | p95 ms | p99 ms | max ms | portal RSS before MB | after MB | KB per connection |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var n in counts)
{
    await RunAsync(n);
}
return 0;

async Task RunAsync(int clients)
{
    var data = Path.Combine(Path.GetTempPath(), "juso-bench-board-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(data);
    var port = FreePort();
    var baseUrl = $"http://127.0.0.1:{port}";
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
    using var portal = Process.Start(start)!;
    portal.OutputDataReceived += (_, _) => { };
    portal.ErrorDataReceived += (_, _) => { };
    portal.BeginOutputReadLine();
    portal.BeginErrorReadLine();
    var connections = new List<HubConnection>();
    try
    {
        await WaitForHealthAsync(baseUrl);
        var cookies = await SignInAsync(baseUrl, "chair");
        var (meetingId, items) = await MeetingAsync(baseUrl, cookies);
        var remote = await ConnectAsync(baseUrl, cookies);
        connections.Add(remote);
        await remote.InvokeAsync<int>("JoinBoard", meetingId);
        await remote.InvokeAsync("StartItem", meetingId, items[0]);
        var before = Rss(portal.Id);

        var received = new List<double>[rounds];
        for (var r = 0; r < rounds; r++)
        {
            received[r] = [];
        }
        var round = -1;
        var arrivals = new CountdownEvent(0);
        var gate = new object();
        for (var i = 0; i < clients; i++)
        {
            var client = await ConnectAsync(baseUrl, cookies);
            client.On<JsonElement>("BoardChanged", change =>
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                var latency = now - change.GetProperty("committedAtUnixMs").GetInt64();
                lock (gate)
                {
                    if (round >= 0)
                    {
                        received[round].Add(latency);
                        arrivals.Signal();
                    }
                }
            });
            await client.InvokeAsync<int>("JoinBoard", meetingId);
            connections.Add(client);
        }
        var after = Rss(portal.Id);

        var missing = 0;
        for (var r = 0; r < rounds; r++)
        {
            lock (gate)
            {
                round = r;
                arrivals = new CountdownEvent(clients);
            }
            await remote.InvokeAsync("StartItem", meetingId, items[(r + 1) % items.Count]);
            if (!arrivals.Wait(TimeSpan.FromSeconds(30)))
            {
                missing += arrivals.CurrentCount;
            }
            lock (gate)
            {
                round = -1;
            }
        }
        var all = received.SelectMany(x => x).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {clients} | {rounds} | {all.Count} | {missing} | {P(all, 50):0} | {P(all, 95):0} | {P(all, 99):0} | {all.LastOrDefault():0} | {before / 1024.0:0} | {after / 1024.0:0} | {(after - before) / (double)clients:0} |"));
    }
    finally
    {
        foreach (var c in connections)
        {
            await c.DisposeAsync();
        }
        portal.Kill(entireProcessTree: true);
        await portal.WaitForExitAsync();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

static double P(List<double> sorted, int percentile) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

static long Rss(int pid) =>
    File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Select(l => long.Parse(Regex.Match(l, @"\d+").Value, CultureInfo.InvariantCulture)).First();

static async Task<HubConnection> ConnectAsync(string baseUrl, CookieContainer cookies)
{
    var connection = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/meeting-board", o => o.Cookies = cookies).Build();
    await connection.StartAsync();
    return connection;
}

static async Task<CookieContainer> SignInAsync(string baseUrl, string user)
{
    var cookies = new CookieContainer();
    using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
    var form = await http.GetStringAsync("/account/login");
    var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = user, ["Input.Password"] = "hibarino-demo-2026",
    }));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode}");
    }
    return cookies;
}

// The demo's regular 重層的支援会議, which the chair may open, and its agenda items, read through the hub.
static async Task<(int MeetingId, List<int> Items)> MeetingAsync(string baseUrl, CookieContainer cookies)
{
    var connection = await ConnectAsync(baseUrl, cookies);
    try
    {
        for (var id = 1; id < 10; id++)
        {
            try
            {
                var board = await connection.InvokeAsync<JsonElement>("GetBoard", id);
                var items = board.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
                if (items.Count >= 2)
                {
                    return (id, items);
                }
            }
            catch (HubException)
            {
            }
        }
    }
    finally
    {
        await connection.DisposeAsync();
    }
    throw new InvalidOperationException("no demo meeting with two agenda items that the chair may open");
}

static async Task WaitForHealthAsync(string baseUrl)
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (true)
    {
        try
        {
            if ((await http.GetAsync("/health")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException) when (DateTime.UtcNow < deadline)
        {
        }
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException("the portal did not become healthy within 60 s");
        }
        await Task.Delay(200);
    }
}

static int FreePort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Juso.sln")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? throw new InvalidOperationException("Juso.sln not found above " + AppContext.BaseDirectory);
}
