using Juso.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Juso.Infrastructure.Persistence;

/// <summary>Loads the 相談分類 master data; a few dozen rows at most, so always read whole.</summary>
public static class ConcernCategoryQueries
{
    public static async Task<ConcernCategoryCatalog> CategoryCatalogAsync(this JusoDbContext db, CancellationToken cancellationToken = default) =>
        new(await db.ConcernCategories.AsNoTracking().ToListAsync(cancellationToken));
}
