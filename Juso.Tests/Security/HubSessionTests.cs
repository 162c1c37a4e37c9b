using Juso.Domain.Auditing;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Security;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Security;

/// <summary>Issue 11: a board hub connection does not outlive its session (the portal re-checks every 2 s in tests).</summary>
public sealed class HubSessionTests : IClassFixture<HubSessionTests.Server>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly PortalServer _server;

    public HubSessionTests(Server server) => _server = server.Portal;

    [Fact]
    public async Task OpenConnection_UserDisabled_IsClosedWithinTheRevalidationInterval()
    {
        await using var connection = await BoardHubClient.ConnectAsync(_server, "member.east");
        var closed = Closed(connection);

        // Only the account flag: the connection must be closed by the periodic check, not by the administrator's page.
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
            var user = (await users.FindByNameAsync("member.east"))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        }

        await closed.WaitAsync(Deadline);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        Assert.True(await AuditedAsync(AuditAction.SessionEnded, "会議ボード（ハブ）の接続を閉じました: ユーザーが無効化されました"));
    }

    [Fact]
    public async Task OpenConnection_SessionSignedOut_IsClosedWithinTheRevalidationInterval_AndGetsNoMoreBoards()
    {
        var meetingId = await ChairedMeetingAsync();
        await using var connection = await BoardHubClient.ConnectAsync(_server, "chair");
        await connection.InvokeAsync<int>(nameof(MeetingBoardHub.JoinBoard), meetingId);
        var closed = Closed(connection);

        // What sign-out does to the session, here from another instance: this instance learns of it by its own check.
        var sessions = _server.Services.GetRequiredService<SessionStore>();
        await sessions.EndAsync(await LatestSessionAsync("chair"), "SignedOut");

        await closed.WaitAsync(Deadline);
        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<BoardSnapshot>(nameof(MeetingBoardHub.GetBoard), meetingId));
    }

    [Fact]
    public async Task HubCall_SessionPastItsAbsoluteLimit_IsRefusedAndAudited()
    {
        // A check interval far beyond the test, so that only the call's own check can refuse it.
        using var server = new PortalServer(settings: new Dictionary<string, string?> { ["Security:RevalidationInterval"] = "01:00:00" });
        var meetingId = await ChairedMeetingAsync(server);
        await using var connection = await BoardHubClient.ConnectAsync(server, "chair");
        await connection.InvokeAsync<int>(nameof(MeetingBoardHub.JoinBoard), meetingId);

        await using (var db = await Db(server))
        {
            var userId = await db.Users.Where(u => u.UserName == "chair").Select(u => u.Id).SingleAsync();
            foreach (var session in await db.UserSessions.Where(s => s.UserId == userId).ToListAsync())
            {
                session.CreatedAt -= TimeSpan.FromHours(9);
            }
            await db.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<BoardSnapshot>(nameof(MeetingBoardHub.GetBoard), meetingId));
        Assert.Contains(HubSessionFilter.SessionEndedMessage, refused.Message);
        Assert.True(await AuditedAsync(AuditAction.AccessDenied, "会議ボード（ハブ）GetBoard: サインインからの最長時間を過ぎたため", server));
    }

    private static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private async Task<Guid> LatestSessionAsync(string userName)
    {
        await using var db = await Db(_server);
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync();
    }

    private Task<int> ChairedMeetingAsync() => ChairedMeetingAsync(_server);

    private static async Task<int> ChairedMeetingAsync(PortalServer server)
    {
        await using var db = await Db(server);
        var chairId = await db.Users.Where(u => u.UserName == "chair").Select(u => u.Id).SingleAsync();
        return await db.Meetings.Where(m => m.Kind == MeetingKind.MultiLayered && m.ChairUserId == chairId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
    }

    private Task<bool> AuditedAsync(AuditAction action, string detail) => AuditedAsync(action, detail, _server);

    private static async Task<bool> AuditedAsync(AuditAction action, string detail, PortalServer server)
    {
        await using var db = await Db(server);
        return await db.AuditEntries.AnyAsync(a => a.Action == action && a.Detail == detail);
    }

    private static Task<JusoDbContext> Db(PortalServer server) =>
        server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();

    /// <summary>One portal for the tests that change accounts and sessions, apart from the browser tests' portal.</summary>
    public sealed class Server : IDisposable
    {
        public PortalServer Portal { get; } = new();

        public void Dispose() => Portal.Dispose();
    }
}
