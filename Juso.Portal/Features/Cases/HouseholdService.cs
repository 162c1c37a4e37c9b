using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Cases;

/// <summary>The household page: a household is visible to whoever sees one of its cases.</summary>
public sealed class HouseholdService(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time,
    CaseChangeBroadcast caseChanged)
{
    public async Task<HouseholdDetail?> GetAsync(int householdId)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var household = await db.Households.AsNoTracking().Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == householdId);
        if (household is null)
        {
            return null;
        }
        var cases = await db.Cases.AsNoTracking().Include(c => c.Agencies).Where(c => c.HouseholdId == householdId).ToListAsync();
        var viewer = await CaseAccess.ViewerAsync(db, user);
        var visible = cases.Where(c => CaseAccess.CanRead(viewer, c)).ToList();
        if (visible.Count == 0)
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, householdId: householdId, detail: "世帯の閲覧");
            return null;
        }
        await audit.WriteAsync(user, AuditAction.HouseholdViewed, householdId: householdId, caseIds: visible.Select(c => c.Id).ToList());
        var catalog = await db.CategoryCatalogAsync();
        return new HouseholdDetail(
            household.Id,
            household.Version,
            household.Address,
            household.Phone,
            household.Note,
            Members(household, JapanDate.Today(time.GetUtcNow())),
            visible.OrderByDescending(c => c.IntakeDate)
                .Select(c => new HouseholdCaseItem(c.Id, c.Number, c.Stage, c.IntakeDate,
                    catalog.NamesOf(c.Concerns.Select(x => x.Category), new FiscalYear(c.FiscalYear)))).ToList(),
            visible.Any(c => CaseAccess.CanEdit(user, viewer, c)),
            household.UpdatedAt);
    }

    /// <summary>
    /// After a lost race: the household as saved now, and who saved it since <paramref name="since"/> (when the loser began
    /// editing). The audit row names the household, so the name is the winner's.
    /// </summary>
    public async Task<(HouseholdDetail? Household, SavedBy? By)> SavedStateAsync(int householdId, DateTime since)
    {
        var household = await GetAsync(householdId);
        var user = await currentUser.GetAsync();
        return (household, household is null ? null
            : await audit.LastChangeAsync(new ChangeScope(null, householdId, since), user.UserId, AuditAction.HouseholdUpdated));
    }

    /// <summary>Saves the household form as a whole: refused with field messages, or as a conflict when someone saved first.</summary>
    public async Task<SaveResult> UpdateAsync(int householdId, int expectedVersion, HouseholdForm form)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var household = await db.Households.Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == householdId);
        if (household is null)
        {
            return SaveResult.NotFound();
        }
        var cases = await db.Cases.AsNoTracking().Include(c => c.Agencies).Where(c => c.HouseholdId == householdId).ToListAsync();
        var viewer = await CaseAccess.ViewerAsync(db, user);
        if (!cases.Any(c => CaseAccess.CanEdit(user, viewer, c)))
        {
            await audit.WriteAsync(user, AuditAction.AccessDenied, householdId: householdId, detail: "世帯の変更");
            return SaveResult.NotFound();
        }
        if (household.Version != expectedVersion)
        {
            return SaveResult.Conflict();
        }
        return await Saving.GuardAsync(async () =>
        {
            household.Revise(form.Address, form.Phone, form.Note,
                form.Members.Select(m => (m.MemberId, m.ToDetails())).ToList(), time.GetUtcNow());
            audit.Add(db, user, AuditAction.HouseholdUpdated, householdId: householdId, detail: $"世帯員{form.Members.Count}人");
            await db.SaveChangesAsync();
            // A renamed member shows on the open meeting boards of the household's cases at once.
            foreach (var supportCase in cases)
            {
                await caseChanged.TellAsync(supportCase.Id);
            }
            return SaveResult.Saved(household.Id, household.Version);
        });
    }

    internal static IReadOnlyList<MemberView> Members(Household household, DateOnly today) =>
        household.Members
            .OrderBy(m => m.IsPrincipal ? 0 : 1).ThenBy(m => m.BirthDate ?? DateOnly.MaxValue)
            .Select(m => new MemberView(m.Id, m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana, m.BirthDate, m.AgeOn(today), m.Relationship, m.Note, m.Sex))
            .ToList();
}
