using Juso.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Common;

public static class Saving
{
    /// <summary>
    /// Runs a unit of work that opens its own transaction under the provider's execution strategy, so that
    /// SQL Server's retry-on-failure repeats the whole unit instead of refusing the user transaction.
    /// </summary>
    public static async Task<T> InStrategyAsync<T>(IDbContextFactory<Infrastructure.Persistence.JusoDbContext> factory, Func<Task<T>> unitOfWork)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(unitOfWork);
    }

    /// <summary>Runs a change and its save; a refused rule or a lost race becomes the matching result, nothing half-saved.</summary>
    public static async Task<SaveResult> GuardAsync(Func<Task<SaveResult>> change)
    {
        try
        {
            return await change();
        }
        catch (DomainException ex)
        {
            return SaveResult.Invalid(ex.Errors);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or StaleVersionException)
        {
            return SaveResult.Conflict();
        }
    }
}
