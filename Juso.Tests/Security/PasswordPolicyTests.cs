using Juso.Infrastructure.Identity;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Security;

public sealed class PasswordPolicyTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task PasswordHash_UsesPbkdf2Sha512_With210000Iterations()
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<JusoUser>>();

        var hash = Convert.FromBase64String(hasher.HashPassword(new JusoUser(), "a long enough pass phrase"));

        // Identity V3 format: 0x01, PRF (2 = HMACSHA512), iteration count, salt length, big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, ReadUInt32(hash, 1));
        Assert.True(ReadUInt32(hash, 5) >= 210_000, $"iterations: {ReadUInt32(hash, 5)}");
    }

    [Theory]
    [InlineData("short-pass", "12文字以上")]
    [InlineData("password1234", "よく使われる")]
    [InlineData("qwertyuiop12", "よく使われる")]
    [InlineData("iloveyou2026!", "よく使われる")]
    [InlineData("ぬぬぬぬぬぬぬぬぬぬぬぬぬ", "同じ文字")]
    [InlineData("taro.yamada-secret", "ユーザー名")]
    public async Task Create_WeakPassword_IsRefusedWithJapaneseReason(string password, string reason)
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();

        var result = await users.CreateAsync(new JusoUser { UserName = "taro.yamada", DisplayName = "山田 太郎" }, password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description.Contains(reason));
    }

    [Theory]
    [InlineData("kawa no nagare ha taezu")]
    [InlineData("ひばり野の朝は早いので散歩にでる")]
    [InlineData("correct horse battery staple")]
    public async Task Create_LongUncommonPassphrase_WithoutCompositionRules_IsAccepted(string password)
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();

        var result = await users.CreateAsync(new JusoUser { UserName = "hanako", DisplayName = "花子" }, password);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task AccessFailed_FiveTimes_LocksTheAccount()
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var user = new JusoUser { UserName = "locked", DisplayName = "ロック" };
        await users.CreateAsync(user, "a very uncommon phrase");

        for (var i = 0; i < 4; i++)
        {
            await users.AccessFailedAsync(user);
        }
        Assert.False(await users.IsLockedOutAsync(user));
        await users.AccessFailedAsync(user);

        Assert.True(await users.IsLockedOutAsync(user));
    }

    private static uint ReadUInt32(byte[] buffer, int offset) =>
        (uint)(buffer[offset] << 24 | buffer[offset + 1] << 16 | buffer[offset + 2] << 8 | buffer[offset + 3]);
}
