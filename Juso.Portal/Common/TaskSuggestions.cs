using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Common;

/// <summary>
/// 役割 offered for a role assignment: what the agency took on before, the most often first, then the usual roles
/// (docs/adr/0030). Only the plans of cases the user may see are read, so no case lends its wording to someone who
/// may not read it.
/// </summary>
public sealed class TaskSuggestions(IDbContextFactory<JusoDbContext> factory, CurrentUser currentUser)
{
    private const int EarlierOffered = 15;

    public async Task<IReadOnlyList<string>> ForAgencyAsync(int? agencyId)
    {
        var user = await currentUser.GetAsync();
        if (!user.IsAuthenticated)
        {
            throw new AccessDeniedException();
        }
        if (agencyId is not { } agency)
        {
            return BoardPhrases.Roles;
        }
        await using var db = await factory.CreateDbContextAsync();
        var cases = CaseAccess.Visible(db.Cases.AsNoTracking(), await CaseAccess.ViewerAsync(db, user)).Select(c => c.Id);
        var earlier = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.AgencyId == agency && db.Plans.Any(p => p.Id == a.SupportPlanId && cases.Contains(p.SupportCaseId)))
            .GroupBy(a => a.Task).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(EarlierOffered).ToListAsync();
        return [.. earlier, .. BoardPhrases.Roles.Except(earlier)];
    }
}
