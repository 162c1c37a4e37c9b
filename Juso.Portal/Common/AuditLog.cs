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
    public void Add(JusoDbContext db, UserContext user, AuditAction action, int? caseId = null, int? householdId = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry(time.GetUtcNow(), user.UserId, user.Name, action, caseId, householdId, user.Address, detail));

    public async Task WriteAsync(UserContext user, AuditAction action, int? caseId = null, int? householdId = null, string? detail = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        Add(db, user, action, caseId, householdId, detail);
        await db.SaveChangesAsync();
    }
}
