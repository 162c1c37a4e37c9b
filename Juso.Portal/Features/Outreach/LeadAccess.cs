using Juso.Domain.Cases;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;

namespace Juso.Portal.Features.Outreach;

/// <summary>
/// Who may see and work on which lead: <see cref="LeadConfidentiality"/> decides who sees, on the same viewer as
/// cases (<see cref="CaseAccess.ViewerAsync"/>); the coordinating roles and the responsible agency's members work on a
/// lead (a chair reads, like a case).
/// </summary>
public static class LeadAccess
{
    public static Task<CaseViewer> ViewerAsync(JusoDbContext db, UserContext user) => CaseAccess.ViewerAsync(db, user);

    public static IQueryable<OutreachLead> Visible(IQueryable<OutreachLead> leads, CaseViewer viewer) => leads.Where(LeadConfidentiality.SeenBy(viewer));

    public static bool CanRegister(UserContext user) => CaseAccess.IsCoordinating(user) || (user.IsInRole(JusoRoles.AgencyMember) && user.AgencyId is not null);

    public static bool CanWork(UserContext user, CaseViewer viewer, OutreachLead lead) =>
        LeadConfidentiality.MaySee(viewer, lead)
        && (CaseAccess.IsCoordinating(user) || (user.IsInRole(JusoRoles.AgencyMember) && user.AgencyId == lead.ResponsibleAgencyId));
}
