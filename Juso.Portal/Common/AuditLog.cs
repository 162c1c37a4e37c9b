using Juso.Domain.Auditing;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Common;

/// <summary>
/// Writes the audit log. A change is audited in the same SaveChanges as the change itself (<see cref="Add"/>),
/// so there is never a change without its row; a read is written on its own (<see cref="WriteAsync"/>).
/// </summary>
public sealed class AuditLog(IDbContextFactory<JusoDbContext> factory, TimeProvider time)
{
    public void Add(JusoDbContext db, UserContext user, AuditAction action, int? caseId = null, int? householdId = null, string? detail = null,
        IReadOnlyCollection<int>? caseIds = null, IReadOnlyCollection<int>? leadIds = null) =>
        db.AuditEntries.Add(new AuditEntry(time.GetUtcNow(), user.UserId, user.Name, action, caseId, householdId, user.Address, detail, caseIds, leadIds));

    /// <summary>
    /// Who last changed the case by one of <paramref name="actions"/>, other than <paramref name="exceptUserId"/>: the winner of
    /// an edit race, named to the one who lost it (<see cref="EditConflict"/>).
    /// </summary>
    public Task<SavedBy?> LastChangeAsync(int caseId, string exceptUserId, params AuditAction[] actions) =>
        LastChangeAsync(new ChangeScope(caseId, null, null), exceptUserId, actions);

    /// <summary>
    /// Who last changed <paramref name="scope"/> by one of <paramref name="actions"/>, other than <paramref name="exceptUserId"/>.
    /// With <see cref="ChangeScope.Since"/> (when the loser read what they edited) only a save that can have beaten them counts,
    /// so a household's winner is exact and a plan's is the last one to change that case's plan since.
    /// </summary>
    public async Task<SavedBy?> LastChangeAsync(ChangeScope scope, string exceptUserId, params AuditAction[] actions)
    {
        await using var db = await factory.CreateDbContextAsync();
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.UserId != exceptUserId && actions.Contains(e.Action));
        entries = scope.CaseId is { } caseId ? entries.Where(e => e.CaseId == caseId) : entries;
        entries = scope.HouseholdId is { } householdId ? entries.Where(e => e.HouseholdId == householdId) : entries;
        entries = scope.Since is { } since ? entries.Where(e => e.At >= since) : entries;
        return await entries.OrderByDescending(e => e.Id).Select(e => new SavedBy(e.UserName, e.At)).FirstOrDefaultAsync();
    }

    /// <param name="caseIds">Every case the view showed (a list page, a household, a board, a print).</param>
    public async Task WriteAsync(UserContext user, AuditAction action, int? caseId = null, int? householdId = null, string? detail = null,
        IReadOnlyCollection<int>? caseIds = null, IReadOnlyCollection<int>? leadIds = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        Add(db, user, action, caseId, householdId, detail, caseIds, leadIds);
        await db.SaveChangesAsync();
    }
}

/// <summary>What an edit race was about: a case, a household, and since when (UTC) the loser had it open.</summary>
public sealed record ChangeScope(int? CaseId, int? HouseholdId, DateTime? Since);
