// Board fan-out benchmark (issue 4): N board clients on one meeting, latency from commit to receipt on every
// client, and the portal's memory per connection. The portal runs as its own process (Release build, embedded
// SQLite with the demo data) so that its memory is measured alone.
//
//   dotnet run -c Release --project bench/Juso.Bench.Board -- [clients...] [--rounds R]
//   e.g. dotnet run -c Release --project bench/Juso.Bench.Board -- 10 100 500
using System.Globalization;
using System.Net;
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

if (PortalProcess.FindPortalDll() is not { } portalDll)
{
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
    await using var portal = await PortalProcess.StartAsync(portalDll, "board");
    var baseUrl = portal.BaseUrl;
    var connections = new List<HubConnection>();
    try
    {
        var cookies = await SignInAsync(baseUrl, "chair");
        var (meetingId, items) = await MeetingAsync(baseUrl, cookies);
        var remote = await ConnectAsync(baseUrl, cookies);
        connections.Add(remote);
        await remote.InvokeAsync<int>("JoinBoard", meetingId);
        await remote.InvokeAsync("StartItem", meetingId, items[0]);
        var before = portal.RssKb();

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
        var after = portal.RssKb();

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
            $"| {clients} | {rounds} | {all.Count} | {missing} | {Percentile.Of(all, 50):0} | {Percentile.Of(all, 95):0} | {Percentile.Of(all, 99):0} | {all.LastOrDefault():0} | {before / 1024.0:0} | {after / 1024.0:0} | {(after - before) / (double)clients:0} |"));
    }
    finally
    {
        foreach (var c in connections)
        {
            await c.DisposeAsync();
        }
    }
}

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
