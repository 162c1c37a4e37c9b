using Juso.Infrastructure.Identity;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Security;

public sealed class SessionStoreTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private SessionStore _sessions = default!;
    private string _userId = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync(new Dictionary<string, string?>
        {
            ["Security:IdleTimeout"] = "00:30:00",
            ["Security:AbsoluteTimeout"] = "08:00:00",
        });
        _sessions = _harness.Services.GetRequiredService<SessionStore>();
        await using var scope = _harness.Services.CreateAsyncScope();
        var user = new JusoUser { UserName = "coordinator", DisplayName = "中川" };
        await scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>().CreateAsync(user, "a very uncommon phrase");
        _userId = user.Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Check_AfterIdleLimitWithoutActivity_EndsSession()
    {
        var id = await _sessions.StartAsync(_userId, "192.0.2.1");
        _harness.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(SessionState.Active, await _sessions.CheckAsync(id, _userId, new SessionUse(null)));

        _harness.Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(SessionState.Idle, await _sessions.CheckAsync(id, _userId, new SessionUse(null)));
        Assert.Equal(SessionState.Ended, await _sessions.CheckAsync(id, _userId, new SessionUse(_harness.Time.GetUtcNow().UtcDateTime)));
    }

    [Fact]
    public async Task Check_ActivityInThePage_KeepsSessionAlivePastIdleLimit()
    {
        var id = await _sessions.StartAsync(_userId, null);
        for (var i = 0; i < 6; i++)
        {
            _harness.Time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(SessionState.Active, await _sessions.CheckAsync(id, _userId, new SessionUse(_harness.Time.GetUtcNow().UtcDateTime)));
        }
    }

    [Fact]
    public async Task Check_PastAbsoluteLimit_EndsSessionEvenWhenActive()
    {
        var id = await _sessions.StartAsync(_userId, null);
        for (var i = 0; i < 24; i++)
        {
            _harness.Time.Advance(TimeSpan.FromMinutes(20));
            await _sessions.CheckAsync(id, _userId, new SessionUse(_harness.Time.GetUtcNow().UtcDateTime));
        }

        _harness.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(SessionState.Expired, await _sessions.CheckAsync(id, _userId, new SessionUse(_harness.Time.GetUtcNow().UtcDateTime)));
    }

    [Fact]
    public async Task EndAll_EndsEverySessionOfTheUser_AndAnotherUsersIdIsNotAccepted()
    {
        var first = await _sessions.StartAsync(_userId, null);
        var second = await _sessions.StartAsync(_userId, null);
        Assert.Equal(SessionState.Ended, await _sessions.CheckAsync(first, "someone-else", new SessionUse(null)));

        await _sessions.EndAllAsync(_userId, "Disabled");

        Assert.Equal(SessionState.Ended, await _sessions.CheckAsync(first, _userId, new SessionUse(null)));
        Assert.Equal(SessionState.Ended, await _sessions.CheckAsync(second, _userId, new SessionUse(null)));
    }
}
