using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Security;

/// <summary>Whether an account may be used now: active, and its staff record and agency not suspended.</summary>
public static class AccountStatus
{
    /// <summary>Null when usable, otherwise why not (for the audit log).</summary>
    public static async Task<string?> UnusableReasonAsync(JusoUser user, IDbContextFactory<JusoDbContext> factory)
    {
        if (!user.IsActive)
        {
            return "ユーザーが無効化されました";
        }
        if (user.StaffId is not { } staffId)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync();
        var link = await (from s in db.Staff
                          join a in db.Agencies on s.AgencyId equals a.Id
                          where s.Id == staffId
                          select new { StaffActive = s.IsActive, AgencyActive = a.IsActive }).SingleOrDefaultAsync();
        return link switch
        {
            null => "職員情報が見つかりません",
            { StaffActive: false } => "職員情報が休止されました",
            { AgencyActive: false } => "所属機関が休止されました",
            _ => null,
        };
    }
}
