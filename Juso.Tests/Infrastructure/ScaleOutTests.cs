using Juso.Domain.Meetings;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Meetings.Contract;
using Juso.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Infrastructure;

/// <summary>
/// Two portal instances on loopback over one database and one Redis: a change saved on one reaches the board
/// hub clients and the Blazor boards of the other, and a user's notification bells on both. And with Redis
/// configured but down, one instance still works.
/// </summary>
public sealed partial class ScaleOutTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "juso-tests", "scale-" + Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _disposables = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            disposable.Dispose();
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task HubClient_OneInstance_GetsTheChangeLabelAsItsOwnField_AndTheBoardAsTheContractState()
    {
        var a = Keep(new PortalServer(_directory));
        var (meetingId, itemId) = await DemoMeetingAsync(a);
        var wallScreen = await BoardClientAsync(a, "chair");
        var received = new TaskCompletionSource<System.Text.Json.JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        wallScreen.On<System.Text.Json.JsonElement>(nameof(IMeetingBoardClient.BoardChanged), change => received.TrySetResult(change));
        await wallScreen.InvokeAsync<int>(nameof(MeetingBoardHub.JoinBoard), meetingId);

        await StartItemAsChairAsync(a, meetingId, itemId);

        var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("協議中の議題を変更", change.GetProperty("changeLabel").GetString());
        Assert.Equal(meetingId, change.GetProperty("meetingId").GetInt32());
        var board = await wallScreen.InvokeAsync<System.Text.Json.JsonElement>(nameof(MeetingBoardHub.GetBoard), meetingId);
        Assert.Equal(itemId, board.GetProperty("currentItemId").GetInt32());
        var item = board.GetProperty("items").EnumerateArray().First();
        Assert.False(string.IsNullOrEmpty(item.GetProperty("household").GetString()));
        foreach (var viewOnly in new[] { "householdName", "householdInitials", "plan", "captured", "version" })
        {
            Assert.False(item.TryGetProperty(viewOnly, out _), viewOnly);
        }
        Assert.False(board.GetProperty("members").EnumerateArray().First().TryGetProperty("userId", out _));
    }

    [Fact]
    public async Task AChangeSavedOnInstanceA_ReachesTheBoardsOnInstanceB()
    {
        var redis = Keep(await RedisServer.StartAsync());
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration };
        var a = Keep(new PortalServer(_directory, settings));
        var b = Keep(new PortalServer(_directory, settings));
        var (meetingId, itemId) = await DemoMeetingAsync(a);

        var wallScreenOnB = await BoardClientAsync(b, "chair");
        var hubReceived = new TaskCompletionSource<BoardChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        wallScreenOnB.On<BoardChanged>(nameof(IMeetingBoardClient.BoardChanged), change => hubReceived.TrySetResult(change));
        await wallScreenOnB.InvokeAsync<int>(nameof(MeetingBoardHub.JoinBoard), meetingId);
        var blazorReceived = new TaskCompletionSource<BoardChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var boardOnB = b.Services.GetRequiredService<MeetingBoardNotifier>().Subscribe(meetingId, change =>
        {
            if (change is not null)
            {
                blazorReceived.TrySetResult(change);
            }
            return Task.CompletedTask;
        });

        var chairsRemoteOnA = await BoardClientAsync(a, "chair");
        await chairsRemoteOnA.InvokeAsync(nameof(MeetingBoardHub.StartItem), meetingId, itemId);

        var viaHub = await hubReceived.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var viaRelay = await blazorReceived.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(meetingId, viaHub.MeetingId);
        Assert.Equal("協議中の議題を変更", viaHub.ChangeLabel);
        Assert.Equal(viaHub, BoardContract.Changed(viaRelay));
        // Told of the change, the wall screen on B reloads at once and is served the new state, not B's snapshot from before.
        var shown = await wallScreenOnB.InvokeAsync<System.Text.Json.JsonElement>(nameof(MeetingBoardHub.GetBoard), meetingId);
        Assert.Equal(itemId, shown.GetProperty("currentItemId").GetInt32());
        // The change is in the database both read: B's board reloads it.
        await using var scope = b.Services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<BoardSnapshots>().GetAsync(meetingId);
        Assert.Equal(itemId, board!.CurrentItemId);
    }

    [Fact]
    public async Task RedisConfiguredButDown_OneInstanceKeepsItsBoardsAndWallScreensWorking_AndTheHealthCheckSaysSo()
    {
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = $"127.0.0.1:{RedisServer.FreePort()},connectTimeout=500" };
        var a = Keep(new PortalServer(_directory, settings));
        var (meetingId, itemId) = await DemoMeetingAsync(a);
        var received = new TaskCompletionSource<BoardChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var board = a.Services.GetRequiredService<MeetingBoardNotifier>().Subscribe(meetingId, change =>
        {
            if (change is not null)
            {
                received.TrySetResult(change);
            }
            return Task.CompletedTask;
        });
        // A wall screen connects and joins while Redis is down: it is served by this instance alone.
        var wallScreen = await BoardClientAsync(a, "chair");
        var hubReceived = new TaskCompletionSource<BoardChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        wallScreen.On<BoardChanged>(nameof(IMeetingBoardClient.BoardChanged), change => hubReceived.TrySetResult(change));
        await wallScreen.InvokeAsync<int>("JoinBoard", meetingId);

        await StartItemAsChairAsync(a, meetingId, itemId);

        Assert.Equal(meetingId, (await received.Task.WaitAsync(TimeSpan.FromSeconds(15))).MeetingId);
        var viaHub = await hubReceived.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal((meetingId, "協議中の議題を変更"), (viaHub.MeetingId, viaHub.ChangeLabel));
        using var http = new HttpClient { BaseAddress = new Uri(a.BaseUrl) };
        using var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/health"));
        Assert.Equal("Degraded", health.RootElement.GetProperty("status").GetString());
        var redis = health.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "redis");
        Assert.Equal("Degraded", redis.GetProperty("status").GetString());
        Assert.StartsWith("Redis に接続できません", redis.GetProperty("description").GetString());
    }

    [Fact]
    public async Task AWallScreenThatJoinedWhileRedisWasDown_GetsTheOtherInstancesChanges_OnceRedisIsBack()
    {
        var port = RedisServer.FreePort();
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = $"127.0.0.1:{port},connectTimeout=500" };
        var a = Keep(new PortalServer(_directory, settings));
        var b = Keep(new PortalServer(_directory, settings));
        var (meetingId, itemId) = await DemoMeetingAsync(a);
        var wallScreenOnB = await BoardClientAsync(b, "chair");
        var changes = System.Threading.Channels.Channel.CreateUnbounded<BoardChanged>();
        wallScreenOnB.On<BoardChanged>(nameof(IMeetingBoardClient.BoardChanged), change => changes.Writer.TryWrite(change));
        await wallScreenOnB.InvokeAsync<int>("JoinBoard", meetingId);

        Keep(await RedisServer.StartAsync(port));

        // Both instances reconnect on their own schedule: the chair keeps moving the board on A until B's screen sees it.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await StartItemAsChairAsync(a, meetingId, itemId);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                var change = await changes.Reader.ReadAsync(wait.Token);
                Assert.Equal(meetingId, change.MeetingId);
                return;
            }
            catch (OperationCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    [Fact]
    public async Task WhoIsConnected_KeepsALiveInstancesPeople_AndDropsACrashedInstancesAfterItsLifetime()
    {
        // Six seconds: B repeats every 2 s, so its chair is dropped only if three repeats in a row are late. With 3 s
        // (a repeat every second) the full suite's load once kept B silent long enough to drop a live chair.
        var lifetime = TimeSpan.FromSeconds(6);
        var redis = Keep(await RedisServer.StartAsync());
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration, [BoardPresenceTiming.Key] = lifetime.ToString() };
        var a = Keep(new PortalServer(_directory, settings));
        var b = Keep(new PortalServer(_directory, settings));
        var (meetingId, _) = await DemoMeetingAsync(a);
        var wallScreenOnB = await BoardClientAsync(b, "chair");
        await wallScreenOnB.InvokeAsync<int>(nameof(MeetingBoardHub.JoinBoard), meetingId);
        var chairOnB = Assert.Single(b.Services.GetRequiredService<BoardPresence>().Present(meetingId));
        // An instance that announced someone once and then crashed: it never repeats it.
        const string crashed = "停止した台の利用者";
        await a.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetSubscriber().PublishAsync(
            StackExchange.Redis.RedisChannel.Literal("juso:meeting-board"),
            System.Text.Json.JsonSerializer.Serialize(new { Instance = "crashed", Message = new { PresenceMeetingId = meetingId, Present = new[] { crashed } } }));
        var presenceOnA = a.Services.GetRequiredService<BoardPresence>();

        await UntilAsync(() => presenceOnA.Present(meetingId) is var present && present.Contains(crashed) && present.Contains(chairOnB), "A lists both");
        await UntilAsync(() => !presenceOnA.Present(meetingId).Contains(crashed), "the crashed instance's name is dropped");

        // B keeps announcing: its chair stays listed on A well past the lifetime.
        var until = DateTime.UtcNow + 2 * lifetime;
        await UntilAsync(() =>
        {
            Assert.Contains(chairOnB, presenceOnA.Present(meetingId));
            return DateTime.UtcNow > until;
        }, "B's chair stays listed");
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            await Task.Delay(50);
        }
    }

    private T Keep<T>(T disposable)
        where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    /// <summary>What the chair's remote does on that instance: starts an agenda item, which every board of the meeting shows.</summary>
    private static async Task StartItemAsChairAsync(PortalServer server, int meetingId, int itemId)
    {
        await using var scope = await server.SignedInScopeAsync("chair");
        var result = await scope.ServiceProvider.GetRequiredService<MeetingBoardService>().StartItemAsync(meetingId, itemId);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>Two instances over one database and one Redis, both listening for notification changes.</summary>
    private async Task<(PortalServer A, PortalServer B)> TwoInstancesAsync()
    {
        var redis = Keep(await RedisServer.StartAsync());
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration };
        var a = Keep(new PortalServer(_directory, settings));
        var b = Keep(new PortalServer(_directory, settings));
        // Each instance subscribes in the background at start; a message published before that is not heard.
        var database = a.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((long)((StackExchange.Redis.RedisResult[])(await database.ExecuteAsync("PUBSUB", "NUMSUB", "juso:notifications"))!)[1] < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "both instances subscribe to juso:notifications");
            await Task.Delay(50);
        }
        return (a, b);
    }

    private static async Task<(int MeetingId, int ItemId)> DemoMeetingAsync(PortalServer server)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var meeting = await db.Meetings.Include(m => m.Agenda).Where(m => m.Kind == MeetingKind.MultiLayered).OrderBy(m => m.Id).FirstAsync();
        return (meeting.Id, meeting.Agenda.OrderBy(a => a.Order).Last().Id);
    }

    private async Task<HubConnection> BoardClientAsync(PortalServer server, string userName)
    {
        var connection = await BoardHubClient.ConnectAsync(server, userName);
        _disposables.Add(new Disposer(() => connection.DisposeAsync().AsTask().GetAwaiter().GetResult()));
        return connection;
    }

    private sealed class Disposer(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
