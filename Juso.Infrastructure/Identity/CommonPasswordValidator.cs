using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Juso.Infrastructure.Identity;

/// <summary>
/// ASVS 2.1.7: refuses passwords found in lists of common and breached passwords, passwords made of the
/// user's own name, and trivial repetitions. Length (12+) is Identity's own rule; there are no composition rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<JusoUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<JusoUser> manager, JusoUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var lowered = password.ToLowerInvariant();
        if (IsCommon(lowered))
        {
            return Fail("よく使われるパスワード、または漏えいしたパスワードの一覧にあるため使えません。");
        }
        if (user.UserName is { Length: >= 3 } name && lowered.Contains(name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return Fail("ユーザー名を含むパスワードは使えません。");
        }
        if (password.Distinct().Count() <= 2)
        {
            return Fail("同じ文字の繰り返しのパスワードは使えません。");
        }
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>Whether the password, or the password stripped of trailing digits and symbols, is a listed one.</summary>
    public static bool IsCommon(string lowered)
    {
        if (Common.Value.Contains(lowered))
        {
            return true;
        }
        var core = lowered.TrimEnd("0123456789!@#$%^&*.-_?".ToCharArray());
        return core.Length >= 4 && Common.Value.Contains(core);
    }

    private static Task<IdentityResult> Fail(string message) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = message }));

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Juso.Infrastructure.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }
        return set;
    }
}
