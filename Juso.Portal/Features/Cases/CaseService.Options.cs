using Juso.Domain.Agencies;
using Juso.Domain.Common;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Cases;

/// <summary>The agencies and 相談分類 the case forms and the case list offer.</summary>
public sealed partial class CaseService
{
    public async Task<IReadOnlyList<AgencyOption>> GetAgencyOptionsAsync()
    {
        var user = await currentUser.GetAsync();
        if (!CaseAccess.SeesAllCases(user) && !CaseAccess.CanTakeIntake(user))
        {
            throw new AccessDeniedException();
        }
        await using var db = await factory.CreateDbContextAsync();
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Field).ThenBy(a => a.Name).ToListAsync();
        return agencies.Select(a => new AgencyOption(a.Id, a.Name, a.Field.Label(), a.IsActive)).ToList();
    }

    internal static async Task<Dictionary<int, string>> AgencyNamesAsync(JusoDbContext db) =>
        await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);

    /// <summary>The categories to filter by: each once, under its latest name, in the master's order.</summary>
    public async Task<IReadOnlyList<CategoryOption>> CategoryOptionsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.CategoryCatalogAsync()).Latest().Select(e => new CategoryOption(e.Code, e.Name)).ToList();
    }

    /// <summary>The 相談分類 that can be chosen for a case of <paramref name="year"/> (intake, revision), in the master's order.</summary>
    public async Task<IReadOnlyList<CategoryOption>> CategoryOptionsAsync(FiscalYear year)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.CategoryCatalogAsync()).ListFor(year).Select(e => new CategoryOption(e.Code, e.Name)).ToList();
    }
}
