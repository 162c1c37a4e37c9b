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
    public async Task<SavedBy?> LastChangeAsync(int caseId, string exceptUserId, params AuditAction[] actions)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.CaseId == caseId && e.UserId != exceptUserId && actions.Contains(e.Action))
            .OrderByDescending(e => e.Id).Select(e => new SavedBy(e.UserName, e.At)).FirstOrDefaultAsync();
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
