using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Admin;

/// <summary>Administrator's master data: agencies and their staff.</summary>
public sealed class AgencyAdminService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<AgencyListItem>> ListAsync()
    {
        await currentUser.RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Agencies.AsNoTracking()
            .OrderBy(a => a.Field).ThenBy(a => a.Name)
            .Select(a => new AgencyListItem(a.Id, a.Version, a.Name, a.Field, a.Operation, a.Contact, a.IsActive,
                db.Staff.Count(s => s.AgencyId == a.Id && s.IsActive), a.Programs, a.Department))
            .ToListAsync();
    }

    public Task<SaveResult> CreateAsync(AgencyForm form) =>
        SaveAsync(AuditAction.AgencyCreated, async db =>
        {
            await EnsureUniqueNameAsync(db, form.Name, exceptId: null);
            var agency = Agency.Create(form.Name ?? string.Empty, FieldOf(form), OperationOf(form), form.Contact, time.GetUtcNow());
            agency.SetPrograms(form.Programs, form.Department, time.GetUtcNow());
            db.Agencies.Add(agency);
            return (agency, agency.Name);
        });

    public Task<SaveResult> UpdateAsync(int agencyId, int expectedVersion, AgencyForm form) =>
        ChangeAsync(db => db.Agencies, agencyId, expectedVersion, AuditAction.AgencyUpdated, async (db, agency) =>
        {
            await EnsureUniqueNameAsync(db, form.Name, exceptId: agencyId);
            agency.Update(form.Name ?? string.Empty, FieldOf(form), OperationOf(form), form.Contact, time.GetUtcNow());
            agency.SetPrograms(form.Programs, form.Department, time.GetUtcNow());
            return agency.Programs == SupportProgram.None ? agency.Name : $"{agency.Name}（{agency.Programs.Label()}）";
        });

    public Task<SaveResult> SetActiveAsync(int agencyId, int expectedVersion, bool active) =>
        ChangeAsync(db => db.Agencies, agencyId, expectedVersion, AuditAction.AgencyUpdated, (_, agency) =>
        {
            if (active)
            {
                agency.Activate(time.GetUtcNow());
            }
            else
            {
                agency.Deactivate(time.GetUtcNow());
            }
            return Task.FromResult($"{agency.Name}を{(active ? "再開" : "休止")}");
        });

    public async Task<IReadOnlyList<StaffListItem>> ListStaffAsync(int agencyId)
    {
        await currentUser.RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Staff.AsNoTracking().Where(s => s.AgencyId == agencyId).OrderBy(s => s.Kana)
            .Select(s => new StaffListItem(s.Id, s.Version, s.AgencyId, s.Name, s.Kana, s.Title, s.IsActive,
                db.Users.Where(u => u.StaffId == s.Id).Select(u => u.UserName).FirstOrDefault()))
            .ToListAsync();
    }

    public Task<SaveResult> CreateStaffAsync(int agencyId, StaffForm form) =>
        SaveAsync(AuditAction.StaffCreated, async db =>
        {
            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId)
                ?? throw new DomainException("機関が見つかりません。画面を再読み込みしてください。");
            var staff = Staff.Create(agency, form.Name ?? string.Empty, form.Kana ?? string.Empty, form.Title, time.GetUtcNow());
            db.Staff.Add(staff);
            return (staff, $"{agency.Name}: {staff.Name}");
        });

    public Task<SaveResult> UpdateStaffAsync(int staffId, int expectedVersion, StaffForm form, bool active) =>
        ChangeAsync(db => db.Staff, staffId, expectedVersion, AuditAction.StaffUpdated, (_, staff) =>
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
            return Task.FromResult(staff.Name);
        });

    /// <summary>Creates something new and audits it in the same save.</summary>
    private async Task<SaveResult> SaveAsync(AuditAction action, Func<JusoDbContext, Task<(AggregateRoot Entity, string Detail)>> create)
    {
        var admin = await currentUser.RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        return await Saving.GuardAsync(async () =>
        {
            var (entity, detail) = await create(db);
            audit.Add(db, admin, action, detail: detail);
            await db.SaveChangesAsync();
            return SaveResult.Saved(entity.Id, entity.Version);
        });
    }

    /// <summary>Changes an existing row the administrator saw at <paramref name="expectedVersion"/>, or reports why not.</summary>
    private async Task<SaveResult> ChangeAsync<T>(Func<JusoDbContext, IQueryable<T>> rows, int id, int expectedVersion, AuditAction action,
        Func<JusoDbContext, T, Task<string>> change)
        where T : AggregateRoot
    {
        var admin = await currentUser.RequireAdministratorAsync();
        await using var db = await factory.CreateDbContextAsync();
        var entity = await rows(db).SingleOrDefaultAsync(e => e.Id == id);
        if (entity is null)
        {
            return SaveResult.NotFound();
        }
        if (entity.Version != expectedVersion)
        {
            return SaveResult.Conflict();
        }
        return await Saving.GuardAsync(async () =>
        {
            audit.Add(db, admin, action, detail: await change(db, entity));
            await db.SaveChangesAsync();
            return SaveResult.Saved(entity.Id, entity.Version);
        });
    }

    // An empty choice reaches the domain as an undefined value, so the domain's own message is shown.
    private static AgencyField FieldOf(AgencyForm form) => form.Field ?? (AgencyField)(-1);

    private static AgencyOperation OperationOf(AgencyForm form) => form.Operation ?? (AgencyOperation)(-1);

    private static async Task EnsureUniqueNameAsync(JusoDbContext db, string? name, int? exceptId)
    {
        var trimmed = name?.Trim();
        if (!string.IsNullOrEmpty(trimmed) && await db.Agencies.AnyAsync(a => a.Name == trimmed && a.Id != exceptId))
        {
            throw new DomainException($"機関名「{trimmed}」は既に登録されています。", nameof(AgencyForm.Name));
        }
    }
}
