using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Notifications;

/// <summary>A person an alert goes to: their account and, if they have one, their mail address.</summary>
public sealed record Recipient(string UserId, string? Email, int? StaffId, int? AgencyId);

/// <summary>Who gets an alert: active accounts only, found through their staff record and role.</summary>
public static class AlertRecipients
{
    /// <summary>Active accounts linked to active staff, by staff id (a coordinator is a staff member).</summary>
    public static async Task<ILookup<int, Recipient>> ByStaffAsync(JusoDbContext db, IReadOnlyCollection<int> staffIds, CancellationToken cancellationToken)
    {
        var rows = await (from u in db.Users.AsNoTracking()
                          join s in db.Staff.AsNoTracking() on u.StaffId equals s.Id
                          where u.IsActive && s.IsActive && staffIds.Contains(s.Id)
                          select new Recipient(u.Id, u.Email, s.Id, s.AgencyId)).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.StaffId!.Value);
    }

    /// <summary>
    /// Active accounts linked to active staff of the agencies, by agency: everyone there (an action item's owner agency),
    /// or only those in <paramref name="role"/> (the supervisors, the agency members).
    /// </summary>
    public static async Task<ILookup<int, Recipient>> ByAgencyAsync(JusoDbContext db, IReadOnlyCollection<int> agencyIds, string? role, CancellationToken cancellationToken)
    {
        var users = role is null ? db.Users.AsNoTracking().Where(u => u.IsActive) : InRole(db, role);
        var rows = await (from u in users
                          join s in db.Staff.AsNoTracking() on u.StaffId equals s.Id
                          where s.IsActive && agencyIds.Contains(s.AgencyId)
                          select new Recipient(u.Id, u.Email, s.Id, s.AgencyId)).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.AgencyId!.Value);
    }

    /// <summary>Active administrators: they get what has no one else to go to, with the reason.</summary>
    public static async Task<IReadOnlyList<Recipient>> AdministratorsAsync(JusoDbContext db, CancellationToken cancellationToken) =>
        await InRole(db, JusoRoles.Administrator).Select(u => new Recipient(u.Id, u.Email, u.StaffId, null)).ToListAsync(cancellationToken);

    /// <summary>Active accounts by id (meeting members are stored by account).</summary>
    public static async Task<IReadOnlyDictionary<string, Recipient>> ByUserIdAsync(JusoDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.IsActive && userIds.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.Email, u.StaffId, null)).ToDictionaryAsync(r => r.UserId, cancellationToken);

    private static IQueryable<JusoUser> InRole(JusoDbContext db, string role) =>
        from u in db.Users.AsNoTracking()
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where u.IsActive && r.Name == role
        select u;
}
