using System.Globalization;
using Juso.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Juso.Portal.Security;

/// <summary>
/// Identity's authenticator check (TOTP: SHA-1, 30 s, 6 digits, two steps either side for a drifting phone), with
/// two changes: the clock is the <see cref="TimeProvider"/>, and each time step is accepted once per user, so a code
/// read over a shoulder or from a log cannot be used again while it is still valid (docs/adr/0028). The last
/// accepted step is one of the user's Identity tokens (AspNetUserTokens).
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider time) : AuthenticatorTokenProvider<JusoUser>
{
    public const string LoginProvider = "[Juso]";
    public const string LastTimeStepName = "AuthenticatorLastTimeStep";

    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<JusoUser> manager, JusoUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (!new Totp(Base32Encoding.ToBytes(key)).VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, Window))
        {
            return false;
        }
        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastTimeStepName);
        if (long.TryParse(last, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }
        // Saved with the user's concurrency stamp: of two requests racing with one code, the second fails here.
        var saved = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastTimeStepName, step.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }
}
