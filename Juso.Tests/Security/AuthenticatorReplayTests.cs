using Juso.Infrastructure.Identity;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Juso.Tests.Security;

/// <summary>An authenticator code counts once: the portal's own TOTP check on the fake clock (ADR 0028).</summary>
public sealed class AuthenticatorReplayTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Code_UsedOnce_IsRefusedForTheRestOfItsWindow_WhileTheNextStepsCodeWorksOnce()
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var (user, app) = await UserWithAuthenticatorAsync(users);
        var code = app.ComputeTotp(_harness.Time.GetUtcNow().UtcDateTime);

        Assert.True(await VerifyAsync(users, user, code));
        Assert.False(await VerifyAsync(users, user, code));
        // Still inside the step, and later still inside the two steps a drifting phone is allowed: refused all along.
        _harness.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(await VerifyAsync(users, user, code));
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        var next = app.ComputeTotp(_harness.Time.GetUtcNow().UtcDateTime);
        Assert.NotEqual(code, next);
        Assert.False(await VerifyAsync(users, user, code));

        Assert.True(await VerifyAsync(users, user, next));
        Assert.False(await VerifyAsync(users, user, next));
    }

    [Fact]
    public async Task Code_OlderThanTheLastAcceptedOne_IsRefused_EvenWithinTheWindow()
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var (user, app) = await UserWithAuthenticatorAsync(users);
        var now = _harness.Time.GetUtcNow().UtcDateTime;
        var earlier = app.ComputeTotp(now.AddSeconds(-30));

        Assert.True(await VerifyAsync(users, user, app.ComputeTotp(now)));

        Assert.False(await VerifyAsync(users, user, earlier));
    }

    [Fact]
    public async Task Code_ForAnotherUser_IsNotUsedUpByThisOne()
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var (first, firstApp) = await UserWithAuthenticatorAsync(users, "replay.first");
        var (second, secondApp) = await UserWithAuthenticatorAsync(users, "replay.second");
        var now = _harness.Time.GetUtcNow().UtcDateTime;

        Assert.True(await VerifyAsync(users, first, firstApp.ComputeTotp(now)));

        Assert.True(await VerifyAsync(users, second, secondApp.ComputeTotp(now)));
    }

    private static Task<bool> VerifyAsync(UserManager<JusoUser> users, JusoUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);

    private async Task<(JusoUser User, Totp App)> UserWithAuthenticatorAsync(UserManager<JusoUser> users, string userName = "replay.user")
    {
        var user = new JusoUser { UserName = userName, DisplayName = "テスト " + userName, CreatedAt = _harness.Time.GetUtcNow().UtcDateTime };
        Assert.True((await users.CreateAsync(user, "kawasemi-meadow-2026")).Succeeded);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (user, new Totp(Base32Encoding.ToBytes(await users.GetAuthenticatorKeyAsync(user))));
    }
}
