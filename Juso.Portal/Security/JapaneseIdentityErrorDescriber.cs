using Microsoft.AspNetCore.Identity;

namespace Juso.Portal.Security;

/// <summary>Identity's messages in Japanese, for the administrator's user forms.</summary>
public sealed class JapaneseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "処理に失敗しました。");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "他の人が先にこのユーザーを更新しました。再読み込みしてください。");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "パスワードが正しくありません。");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "トークンが無効です。");
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "このログインは既に別のユーザーに関連付けられています。");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"ユーザー名「{userName}」には使えない文字が含まれています（半角英数字と - . _ @ が使えます）。");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"メールアドレス「{email}」の形式が正しくありません。");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"ユーザー名「{userName}」は既に使われています。");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"メールアドレス「{email}」は既に使われています。");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"役割「{role}」は無効です。");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"役割「{role}」は既にあります。");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "パスワードは既に設定されています。");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "このユーザーはロックアウトが有効になっていません。");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"既に役割「{role}」を持っています。");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"役割「{role}」を持っていません。");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"パスワードは{length}文字以上にしてください。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"パスワードには{uniqueChars}種類以上の文字を使ってください。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "パスワードに記号を含めてください。");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "パスワードに数字を含めてください。");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "パスワードに英小文字を含めてください。");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "パスワードに英大文字を含めてください。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
