using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Common;

/// <summary>What a change to a case works with: one context, the tracked case, the user and the time.</summary>
public sealed class CaseChange(JusoDbContext db, SupportCase supportCase, UserContext user, DateTimeOffset now)
{
    public JusoDbContext Db { get; } = db;

    public SupportCase Case { get; } = supportCase;

    public UserContext User { get; } = user;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Set by a change that creates something (a plan, a record): its id, read after the save.</summary>
    public Func<int>? Created { get; set; }
}

/// <summary>Told after a change to a case is committed (live meeting boards showing that case reload).</summary>
public interface ICaseChangeListener
{
    /// <param name="fromMeetingId">The meeting the change was made in, whose boards know already.</param>
    Task CaseChangedAsync(int caseId, int? fromMeetingId = null);
}

/// <summary>Tells every <see cref="ICaseChangeListener"/> after a commit; a listener that fails is logged, never thrown.</summary>
public sealed class CaseChangeBroadcast(IEnumerable<ICaseChangeListener> listeners, ILogger<CaseChangeBroadcast> logger)
{
    public async Task TellAsync(int caseId, int? fromMeetingId = null)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.CaseChangedAsync(caseId, fromMeetingId);
            }
            catch (Exception ex)
            {
                // Committed already: a board elsewhere not refreshing must not turn the save into an error.
                logger.LogWarning(ex, "Case {CaseId} was saved, but a listener failed", caseId);
            }
        }
    }
}

/// <summary>The version the user saw of something other than the case (a plan, an assignment) is out of date.</summary>
public sealed class StaleVersionException() : Exception(SaveResult.ConflictMessage);

/// <summary>
/// The one way feature services change a case or anything of it: load the case, check the user may do this,
/// check the version the user saw, apply the domain change, save it together with its audit row.
/// </summary>
public sealed class CaseWork(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider time,
    CaseChangeBroadcast caseChanged)
{
    /// <summary>For a change anyone who may edit the case may make (<see cref="CaseAccess.CanEdit"/>, always checked).</summary>
    public static bool AnyEditor(UserContext user, SupportCase supportCase) => true;

    /// <param name="expectedCaseVersion">The case version the user saw, for a change that depends on the case as shown;
    /// null for one that only adds to it (a contact record, a new assessment version), which is applied again on fresh
    /// state when someone else's save moved the case in the same instant, instead of failing as a conflict.</param>
    public async Task<SaveResult> ChangeAsync(int caseId, int? expectedCaseVersion, AuditAction action,
        Func<UserContext, SupportCase, bool> allowed, Func<CaseChange, Task<string>> change)
    {
        var user = await currentUser.GetAsync();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync();
            var supportCase = await db.Cases.AsSplitQuery().Include(c => c.Agencies).Include(c => c.Consents).Include(c => c.Events)
                .SingleOrDefaultAsync(c => c.Id == caseId);
            if (supportCase is null || !CaseAccess.CanEdit(user, await CaseAccess.ViewerAsync(db, user), supportCase) || !allowed(user, supportCase))
            {
                if (supportCase is not null)
                {
                    await audit.WriteAsync(user, AuditAction.AccessDenied, caseId, detail: action.Label());
                }
                return SaveResult.NotFound();
            }
            if (expectedCaseVersion is { } expected && supportCase.Version != expected)
            {
                return SaveResult.Conflict();
            }
            var retry = attempt < Attempts && expectedCaseVersion is null;
            try
            {
                return await Saving.GuardAsync(async () =>
                {
                    var context = new CaseChange(db, supportCase, user, time.GetUtcNow());
                    var detail = await change(context);
                    audit.Add(db, user, action, caseId, supportCase.HouseholdId, detail);
                    try
                    {
                        await db.SaveChangesAsync();
                    }
                    catch (DbUpdateConcurrencyException ex) when (retry && ex.Entries.All(e => e.Entity is SupportCase))
                    {
                        throw new CaseMovedException();
                    }
                    await caseChanged.TellAsync(caseId);
                    return SaveResult.Saved(context.Created?.Invoke() ?? supportCase.Id, supportCase.Version);
                });
            }
            catch (CaseMovedException)
            {
                // Only the case's own version moved; what the user adds did not depend on it, so it is applied again.
            }
        }
    }

    private const int Attempts = 3;

    private sealed class CaseMovedException : Exception;
}
