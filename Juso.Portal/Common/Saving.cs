using Juso.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Common;

public static class Saving
{
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
