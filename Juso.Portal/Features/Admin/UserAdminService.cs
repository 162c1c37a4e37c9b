using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Admin;

/// <summary>Administrator's user management. Each operation gets its own Identity scope, never the circuit's.</summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<JusoDbContext> factory,
    CurrentUser currentUser,
    AuditLog audit,
    SessionStore sessions,
    OpenHubConnections hubConnections,
    TimeProvider time)
{
    public async Task<IReadOnlyList<UserListItem>> ListAsync()
    {
        await currentUser.RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var staff = await (from s in db.Staff join a in db.Agencies on s.AgencyId equals a.Id select new { s.Id, s.Name, AgencyName = a.Name })
            .ToDictionaryAsync(s => s.Id);
        return users.Select(u => new UserListItem(
            u.Id,
            u.UserName ?? string.Empty,
            u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => JusoRoles.All.ToList().IndexOf(r)).ToList(),
            u.StaffId,
            u.StaffId is { } sid && staff.TryGetValue(sid, out var s1) ? s1.Name : null,
            u.StaffId is { } sid2 && staff.TryGetValue(sid2, out var s2) ? s2.AgencyName : null,
            u.IsActive,
            u.LockoutEnd is { } end && end > now,
            u.ConcurrencyStamp)).ToList();
    }

    public async Task<IReadOnlyList<StaffOption>> StaffOptionsAsync()
    {
        await currentUser.RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        return await (from s in db.Staff join a in db.Agencies on s.AgencyId equals a.Id
                      orderby a.Name, s.Kana
                      select new StaffOption(s.Id, s.Name, a.Name, s.IsActive && a.IsActive)).ToListAsync();
    }

    public async Task<SaveResult> CreateAsync(UserForm form)
    {
        var admin = await currentUser.RequireAdministratorAsync();
        var errors = Validate(form, requirePassword: true);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        if (await UnknownStaffAsync(scope, form) is { } unknown)
        {
            return unknown;
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        // Identity saves the user and its roles in separate steps; one transaction keeps them all or nothing.
        var db = scope.ServiceProvider.GetRequiredService<JusoDbContext>();
        var result = await db.InTransactionAsync(async _ =>
        {
            var user = new JusoUser
            {
                UserName = form.UserName!.Trim(),
                Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim(),
                DisplayName = form.DisplayName!.Trim(),
                StaffId = form.StaffId,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, form.Password!);
            return created.Succeeded ? await users.AddToRolesAsync(user, form.Roles) : created;
        }, created => created.Succeeded);
        if (!result.Succeeded)
        {
            return Failed(result);
        }
        await audit.WriteAsync(admin, AuditAction.UserCreated, detail: $"{form.UserName!.Trim()}（{string.Join("・", form.Roles)}）");
        return SaveResult.Saved(0, 0);
    }

    /// <summary>Changes name, roles and staff link. A new security stamp signs the user's open sessions out, so new rights apply at once.</summary>
    public async Task<SaveResult> UpdateAsync(string userId, UserForm form)
    {
        var admin = await currentUser.RequireAdministratorAsync();
        var errors = Validate(form, requirePassword: false);
        if (userId == admin.UserId && !form.Roles.Contains(JusoRoles.Administrator))
        {
            errors.Add(new DomainError(nameof(UserForm.Roles), "自分自身からシステム管理者の役割は外せません。"));
        }
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        if (await UnknownStaffAsync(scope, form) is { } unknown)
        {
            return unknown;
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var db = scope.ServiceProvider.GetRequiredService<JusoDbContext>();
        var result = await db.InTransactionAsync(async _ =>
        {
            var user = await users.FindByIdAsync(userId);
            // The stamp the administrator saw: refused if someone saved since, also in a race up to the UPDATE.
            if (user is null || user.ConcurrencyStamp != form.ConcurrencyStamp)
            {
                return (User: user, Result: IdentityResult.Failed(users.ErrorDescriber.ConcurrencyFailure()));
            }
            db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = form.ConcurrencyStamp;
            user.DisplayName = form.DisplayName!.Trim();
            user.Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
            user.StaffId = form.StaffId;
            var current = await users.GetRolesAsync(user);
            var updated = await users.UpdateAsync(user);
            if (updated.Succeeded)
            {
                updated = await users.RemoveFromRolesAsync(user, current.Except(form.Roles));
            }
            if (updated.Succeeded)
            {
                updated = await users.AddToRolesAsync(user, form.Roles.Except(current));
            }
            if (updated.Succeeded)
            {
                updated = await users.UpdateSecurityStampAsync(user);
            }
            return (User: user, Result: updated);
        }, updated => updated.Result.Succeeded);
        if (result.User is null)
        {
            return SaveResult.NotFound();
        }
        if (!result.Result.Succeeded)
        {
            return result.Result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? SaveResult.Conflict() : Failed(result.Result);
        }
        await audit.WriteAsync(admin, AuditAction.UserUpdated, detail: $"{result.User.UserName}（{string.Join("・", form.Roles)}）");
        return SaveResult.Saved(0, 0);
    }

    /// <summary>Disabling ends every open session of the user: cookies at the next request, open pages within the revalidation interval.</summary>
    public async Task<SaveResult> SetActiveAsync(string userId, bool active)
    {
        var admin = await currentUser.RequireAdministratorAsync();
        if (userId == admin.UserId && !active)
        {
            return SaveResult.Invalid("自分自身のアカウントは無効にできません。");
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return SaveResult.NotFound();
        }
        user.IsActive = active;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }
        if (!result.Succeeded)
        {
            return Failed(result);
        }
        if (!active)
        {
            await sessions.EndAllAsync(user.Id, "Disabled");
            hubConnections.CloseUser(user.Id);
        }
        await audit.WriteAsync(admin, active ? AuditAction.UserEnabled : AuditAction.UserDisabled, detail: user.UserName);
        return SaveResult.Saved(0, 0);
    }

    public async Task<SaveResult> UnlockAsync(string userId)
    {
        var admin = await currentUser.RequireAdministratorAsync();
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return SaveResult.NotFound();
        }
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }
        if (!result.Succeeded)
        {
            return Failed(result);
        }
        await audit.WriteAsync(admin, AuditAction.UserUnlocked, detail: user.UserName);
        return SaveResult.Saved(0, 0);
    }

    public async Task<SaveResult> ResetPasswordAsync(string userId, string? newPassword)
    {
        var admin = await currentUser.RequireAdministratorAsync();
        if (string.IsNullOrEmpty(newPassword))
        {
            return SaveResult.Invalid("新しいパスワードを入力してください。", nameof(UserForm.Password));
        }
        if (new RuleCheck().WellFormed(newPassword, nameof(UserForm.Password), "パスワード").Errors is [_, ..] broken)
        {
            return SaveResult.Invalid(broken);
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return SaveResult.NotFound();
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            return Failed(result);
        }
        await sessions.EndAllAsync(user.Id, "PasswordReset");
        hubConnections.CloseUser(user.Id);
        await audit.WriteAsync(admin, AuditAction.PasswordReset, detail: user.UserName);
        return SaveResult.Saved(0, 0);
    }

    private static List<DomainError> Validate(UserForm form, bool requirePassword)
    {
        var check = new RuleCheck()
            .RequireText(form.UserName, nameof(UserForm.UserName), "ユーザー名", 100)
            .RequireText(form.DisplayName, nameof(UserForm.DisplayName), "表示名", JusoUser.DisplayNameMaxLength)
            .OptionalText(form.Email, nameof(UserForm.Email), "メールアドレス", 256)
            // Identity normalizes user names and addresses and hashes passwords as strict UTF-8: it throws on such text.
            .WellFormed(form.UserName, nameof(UserForm.UserName), "ユーザー名")
            .WellFormed(form.Email, nameof(UserForm.Email), "メールアドレス")
            .WellFormed(form.Password, nameof(UserForm.Password), "パスワード")
            .Require(form.Roles.Count > 0, nameof(UserForm.Roles), "役割を1つ以上選択してください。")
            .Require(form.Roles.All(JusoRoles.All.Contains), nameof(UserForm.Roles), "不明な役割が含まれています。")
            .Require(!form.Roles.Contains(JusoRoles.AgencyMember) || form.StaffId is not null, nameof(UserForm.StaffId),
                "支援関係機関の職員には、所属を決める職員情報の紐付けが必要です。");
        if (requirePassword)
        {
            check.Require(!string.IsNullOrEmpty(form.Password), nameof(UserForm.Password), "初期パスワードを入力してください。");
        }
        return check.Errors.ToList();
    }

    // The staff link comes from a select in the circuit; an id that is not there would fail the save's foreign key.
    private static async Task<SaveResult?> UnknownStaffAsync(AsyncServiceScope scope, UserForm form) =>
        form.StaffId is { } staffId && !await scope.ServiceProvider.GetRequiredService<JusoDbContext>().Staff.AnyAsync(s => s.Id == staffId)
            ? SaveResult.Invalid("選択された職員情報が見つかりません。画面を再読み込みしてください。", nameof(UserForm.StaffId))
            : null;

    private static SaveResult Failed(IdentityResult result) =>
        SaveResult.Invalid(result.Errors.Select(e => new DomainError(
            e.Code.StartsWith("Password", StringComparison.Ordinal) || e.Code == "CommonPassword" ? nameof(UserForm.Password)
            : e.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(UserForm.UserName)
            : e.Code.Contains("Email", StringComparison.Ordinal) ? nameof(UserForm.Email)
            : null,
            e.Description)).ToList());
}
