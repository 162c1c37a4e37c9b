using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Common;

/// <summary>
/// The staff an agency has registered, offered wherever a form names a person of that agency (担当者), so that the
/// name is chosen, not typed again. Staff names are the agencies' own, not personal data of the people supported.
/// </summary>
public sealed class StaffDirectory(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<string>> NamesAsync(int agencyId)
    {
        if (!(await currentUser.GetAsync()).IsAuthenticated)
        {
            throw new AccessDeniedException();
        }
        await using var db = await factory.CreateDbContextAsync();
        return await db.Staff.AsNoTracking().Where(s => s.AgencyId == agencyId && s.IsActive)
            .OrderBy(s => s.Kana).Select(s => s.Name).ToListAsync();
    }
}
