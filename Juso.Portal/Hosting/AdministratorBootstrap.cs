using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Juso.Portal.Hosting;

/// <summary>
/// Creates the first administrator of a production database from configuration (Bootstrap:AdministratorUserName
/// and Bootstrap:AdministratorPassword), and only while there is no user at all.
/// </summary>
public sealed class AdministratorBootstrap(UserManager<JusoUser> users, JusoDbContext db, TimeProvider time, ILogger<AdministratorBootstrap> logger)
{
    public async Task RunAsync(IConfiguration configuration)
    {
        var userName = configuration["Bootstrap:AdministratorUserName"];
        var password = configuration["Bootstrap:AdministratorPassword"];
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password) || users.Users.Any())
        {
            return;
        }
        // User and role are created together or not at all, so a failed start can simply be retried.
        var result = await db.InTransactionAsync(async _ =>
        {
            var admin = new JusoUser { UserName = userName, DisplayName = "システム管理者", CreatedAt = time.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(admin, password);
            return created.Succeeded ? await users.AddToRoleAsync(admin, JusoRoles.Administrator) : created;
        }, created => created.Succeeded);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("初期管理者を作成できません: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        logger.LogWarning("Created the first administrator {UserName}; remove Bootstrap:AdministratorPassword from the configuration.", userName);
    }
}
