using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Admin;

/// <summary>Administrator's master data: agencies and their staff.</summary>
public sealed class AgencyAdminService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<AgencyListItem>> ListAsync()
    {
        await RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Agencies.AsNoTracking()
            .OrderBy(a => a.Field).ThenBy(a => a.Name)
            .Select(a => new AgencyListItem(a.Id, a.Version, a.Name, a.Field, a.Operation, a.Contact, a.IsActive,
                db.Staff.Count(s => s.AgencyId == a.Id && s.IsActive)))
            .ToListAsync();
    }

    public async Task<SaveResult> CreateAsync(AgencyForm form)
    {
        var admin = await RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        return await SaveAsync(db, admin, AuditAction.AgencyCreated, async () =>
        {
            await EnsureUniqueNameAsync(db, form.Name, exceptId: null);
            var agency = Agency.Create(form.Name ?? string.Empty, form.Field ?? (AgencyField)(-1), form.Operation ?? (AgencyOperation)(-1), form.Contact, time.GetUtcNow());
            db.Agencies.Add(agency);
            return (agency, agency.Name);
        });
    }

    public async Task<SaveResult> UpdateAsync(int agencyId, int expectedVersion, AgencyForm form)
    {
        var admin = await RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId);
        if (agency is null)
        {
            return SaveResult.NotFound();
        }
        if (agency.Version != expectedVersion)
        {
            return SaveResult.Conflict();
        }
        return await SaveAsync(db, admin, AuditAction.AgencyUpdated, async () =>
        {
            await EnsureUniqueNameAsync(db, form.Name, exceptId: agencyId);
            agency.Update(form.Name ?? string.Empty, form.Field ?? (AgencyField)(-1), form.Operation ?? (AgencyOperation)(-1), form.Contact, time.GetUtcNow());
            return (agency, agency.Name);
        });
    }

    public async Task<SaveResult> SetActiveAsync(int agencyId, int expectedVersion, bool active)
    {
        var admin = await RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId);
        if (agency is null)
        {
            return SaveResult.NotFound();
        }
        if (agency.Version != expectedVersion)
        {
            return SaveResult.Conflict();
        }
        return await SaveAsync(db, admin, AuditAction.AgencyUpdated, () =>
        {
            if (active)
            {
                agency.Activate(time.GetUtcNow());
            }
            else
            {
                agency.Deactivate(time.GetUtcNow());
            }
            return Task.FromResult<(AggregateRoot, string)>((agency, $"{agency.Name}を{(active ? "再開" : "休止")}"));
        });
    }

    public async Task<IReadOnlyList<StaffListItem>> ListStaffAsync(int agencyId)
    {
        await RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Staff.AsNoTracking().Where(s => s.AgencyId == agencyId).OrderBy(s => s.Kana)
            .Select(s => new StaffListItem(s.Id, s.Version, s.AgencyId, s.Name, s.Kana, s.Title, s.IsActive,
                db.Users.Where(u => u.StaffId == s.Id).Select(u => u.UserName).FirstOrDefault()))
            .ToListAsync();
    }

    public async Task<SaveResult> CreateStaffAsync(int agencyId, StaffForm form)
    {
        var admin = await RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId);
        if (agency is null)
        {
            return SaveResult.NotFound();
        }
        return await SaveAsync(db, admin, AuditAction.StaffCreated, () =>
        {
            var staff = Staff.Create(agency, form.Name ?? string.Empty, form.Kana ?? string.Empty, form.Title, time.GetUtcNow());
            db.Staff.Add(staff);
            return Task.FromResult<(AggregateRoot, string)>((staff, $"{agency.Name}: {staff.Name}"));
        });
    }

    public async Task<SaveResult> UpdateStaffAsync(int staffId, int expectedVersion, StaffForm form, bool active)
    {
        var admin = await RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == staffId);
        if (staff is null)
        {
            return SaveResult.NotFound();
        }
        if (staff.Version != expectedVersion)
        {
            return SaveResult.Conflict();
        }
        return await SaveAsync(db, admin, AuditAction.StaffUpdated, () =>
        {
            var now = time.GetUtcNow();
            staff.Update(form.Name ?? string.Empty, form.Kana ?? string.Empty, form.Title, now);
            if (active && !staff.IsActive)
            {
                staff.Activate(now);
            }
            else if (!active && staff.IsActive)
            {
                staff.Deactivate(now);
            }
            return Task.FromResult<(AggregateRoot, string)>((staff, staff.Name));
        });
    }

    private async Task<SaveResult> SaveAsync(JusoDbContext db, UserContext admin, AuditAction action, Func<Task<(AggregateRoot Entity, string Detail)>> change)
    {
        try
        {
            var (entity, detail) = await change();
            audit.Add(db, admin, action, detail: detail);
            await db.SaveChangesAsync();
            return SaveResult.Saved(entity.Id, entity.Version);
        }
        catch (DomainException ex)
        {
            return SaveResult.Invalid(ex.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict();
        }
    }

    private static async Task EnsureUniqueNameAsync(JusoDbContext db, string? name, int? exceptId)
    {
        var trimmed = name?.Trim();
        if (!string.IsNullOrEmpty(trimmed) && await db.Agencies.AnyAsync(a => a.Name == trimmed && a.Id != exceptId))
        {
            throw new DomainException($"機関名「{trimmed}」は既に登録されています。", nameof(AgencyForm.Name));
        }
    }

    private async Task<UserContext> RequireAdministratorAsync()
    {
        var user = await currentUser.GetAsync();
        return user.IsInRole(JusoRoles.Administrator) ? user : throw new AccessDeniedException();
    }
}
