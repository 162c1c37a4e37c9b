using System.Net;
using System.Text.Json;
using Juso.Portal.Features.Account;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Meetings.Contract;
using Juso.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace Juso.Tests.Infrastructure;

/// <summary>
/// The several-servers recipe of docs/deployment.md run for real: two portal processes in the Production pipeline over
/// one database (the embedded SQLite here; SQL Server cannot run on this machine) and one Redis, behind nginx running
/// deploy/nginx/juso.conf with TLS. What a user would notice: signed in once, served by either instance, and a board
/// open on one instance follows an edit made on the other.
/// </summary>
public sealed class ReverseProxyTests
{
    [Fact]
    public async Task TwoInstancesBehindTheNginxRecipe_ACookieFromOneWorksOnTheOther_SessionsStick_AndABoardEditReachesTheOtherInstance()
    {
        using var redis = await RedisServer.StartAsync();
        var directory = await PortalProcess.NewDemoDirectoryAsync();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["Redis:Configuration"] = redis.Configuration,
            };
            // One after the other, as the recipe says: the first creates the data-protection key, the second reads it.
            await using var first = await PortalProcess.StartAsync(directory, settings);
            await using var second = await PortalProcess.StartAsync(directory, settings);
            using var nginx = await NginxServer.StartAsync(first.Port, second.Port);

            // Sign-ins before a cookie exist go by client address (all to one instance); the session's cookie then picks
            // its instance. Sign in until one session lives on each instance.
            var sessions = new Dictionary<int, CookieContainer>();
            var issuedElsewhere = false;
            for (var attempt = 0; attempt < 24 && sessions.Count < 2; attempt++)
            {
                var (cookies, issuedBy) = await SignInAsync(nginx, "chair");
                var servedBy = await SessionInstanceAsync(nginx, cookies);
                issuedElsewhere |= servedBy != issuedBy;
                sessions.TryAdd(servedBy, cookies);
            }
            Assert.Equal(new[] { first.Port, second.Port }.Order(), sessions.Keys.Order());
            Assert.True(issuedElsewhere, "a cookie issued by one instance was accepted by the other");
            foreach (var (port, cookies) in sessions)
            {
                for (var i = 0; i < 5; i++)
                {
                    Assert.Equal(port, await SessionInstanceAsync(nginx, cookies));
                }
            }

            // A board open on the first instance (a wall screen's hub connection through nginx, WebSocket over TLS), the
            // chair's remote on the second.
            await using var board = await HubAsync(nginx, sessions[first.Port]);
            await using var remote = await HubAsync(nginx, sessions[second.Port]);
            var received = new TaskCompletionSource<BoardChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
            board.On<BoardChanged>(nameof(IMeetingBoardClient.BoardChanged), change => received.TrySetResult(change));
            var (meetingId, itemId) = await JoinAndEditAsync(directory, board, remote);

            var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal((meetingId, "協議中の議題を変更"), (change.MeetingId, change.ChangeLabel));
            var shown = await board.InvokeAsync<JsonElement>(nameof(MeetingBoardHub.GetBoard), meetingId);
            Assert.Equal(itemId, shown.GetProperty("currentItemId").GetInt32());

            // The first instance stops: nginx sends its users to the second, where they are still signed in.
            await first.KillAsync();
            Assert.Equal(second.Port, await SessionInstanceAsync(nginx, sessions[first.Port]));
        }
        finally
        {
            PortalProcess.DeleteDirectory(directory);
        }
    }

    /// <summary>Signs in through the proxy's static sign-in form; returns the cookies and the instance that issued them.</summary>
    private static async Task<(CookieContainer Cookies, int IssuedBy)> SignInAsync(NginxServer nginx, string userName)
    {
        var cookies = new CookieContainer();
        using var http = nginx.Client(cookies);
        var signIn = await BoardHubClient.SignInAsync(http, userName);
        // The Production pipeline's cookie, Secure with the __Host- prefix: the one the recipe's affinity reads.
        Assert.Contains(cookies.GetCookies(new Uri(nginx.BaseUrl)), cookie => cookie is { Name: "__Host-Juso.Auth", Secure: true });
        return (cookies, Instance(signIn));
    }

    /// <summary>Asks whether the session is alive (204) and which instance answered.</summary>
    private static async Task<int> SessionInstanceAsync(NginxServer nginx, CookieContainer cookies)
    {
        using var http = nginx.Client(cookies);
        var response = await http.GetAsync(AccountEndpoints.SessionPath);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return Instance(response);
    }

    /// <summary>The last upstream nginx tried (after a failed one it lists both: "a, b").</summary>
    private static int Instance(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues(NginxServer.UpstreamHeader).Single().Split(',').Last().Trim().Split(':').Last(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HubConnection> HubAsync(NginxServer nginx, CookieContainer cookies)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(nginx.BaseUrl + MeetingBoardHub.Path, options =>
            {
                options.Headers["Cookie"] = cookies.GetCookieHeader(new Uri(nginx.BaseUrl));
                options.HttpMessageHandlerFactory = handler =>
                {
                    if (handler is HttpClientHandler http)
                    {
                        http.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                    }
                    return handler;
                };
                options.WebSocketConfiguration = socket => socket.RemoteCertificateValidationCallback = (_, _, _, _) => true;
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>The first of the chair's open meetings that the board may join and the remote may move to an item.</summary>
    private static async Task<(int MeetingId, int ItemId)> JoinAndEditAsync(string directory, HubConnection board, HubConnection remote)
    {
        var candidates = new List<(int, int)>();
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(directory, "juso.db")};Mode=ReadOnly;Pooling=False"))
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = """
                SELECT m.Id, (SELECT a.Id FROM AgendaItem a WHERE a.MeetingId = m.Id ORDER BY a.Id DESC LIMIT 1)
                FROM Meetings m JOIN AspNetUsers u ON u.Id = m.ChairUserId
                WHERE u.UserName = 'chair' AND m.MinutesApprovedAt IS NULL AND EXISTS (SELECT 1 FROM AgendaItem a WHERE a.MeetingId = m.Id)
                ORDER BY m.Id;
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                candidates.Add((reader.GetInt32(0), reader.GetInt32(1)));
            }
        }
        foreach (var (meetingId, itemId) in candidates)
        {
            try
            {
                await board.InvokeAsync<int>(nameof(MeetingBoardHub.JoinBoard), meetingId);
                await remote.InvokeAsync(nameof(MeetingBoardHub.StartItem), meetingId, itemId);
                return (meetingId, itemId);
            }
            catch (HubException)
            {
                // Not on this board (a 支援会議 without the chair's pledge, or a meeting already over): the next one.
            }
        }
        throw new InvalidOperationException("The demo has no meeting the chair can drive from the board.");
    }
}
