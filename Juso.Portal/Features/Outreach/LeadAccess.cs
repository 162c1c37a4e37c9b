using Juso.Domain.Cases;
using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Outreach;

/// <summary>The facts <see cref="LeadConfidentiality"/> decides on: the user as cases see them, and the leads they pledged for.</summary>
public sealed record LeadViewer(CaseViewer Viewer, IReadOnlyCollection<int> PledgedLeadIds);

/// <summary>
/// Who may see and work on which lead: <see cref="LeadConfidentiality"/> decides who sees, on the same viewer as
/// cases (<see cref="CaseAccess.ViewerAsync"/>) plus the leads on the agenda of a 支援会議 the user pledged for; the
/// coordinating roles and the responsible agency's members work on a lead (a chair or a pledged member reads).
/// </summary>
public static class LeadAccess
{
    public static async Task<LeadViewer> ViewerAsync(JusoDbContext db, UserContext user)
    {
        var viewer = await CaseAccess.ViewerAsync(db, user);
        if (viewer.Coordinating || !user.IsInRole(JusoRoles.AgencyMember))
        {
            return new LeadViewer(viewer, []);
        }
        var pledged = await db.Meetings.AsNoTracking()
            .Where(m => m.Kind == MeetingKind.Support && m.Members.Any(x => x.UserId == user.UserId && x.PledgedAt != null))
            .SelectMany(m => m.Agenda.Where(a => a.LeadId != null).Select(a => a.LeadId!.Value))
            .Distinct().ToListAsync();
        return new LeadViewer(viewer, pledged);
    }

    public static IQueryable<OutreachLead> Visible(IQueryable<OutreachLead> leads, LeadViewer viewer) =>
        leads.Where(LeadConfidentiality.SeenBy(viewer.Viewer, viewer.PledgedLeadIds));

    public static bool MaySee(LeadViewer viewer, OutreachLead lead) => LeadConfidentiality.MaySee(viewer.Viewer, viewer.PledgedLeadIds, lead);

    public static bool CanRegister(UserContext user) => CaseAccess.IsCoordinating(user) || (user.IsInRole(JusoRoles.AgencyMember) && user.AgencyId is not null);

    public static bool CanWork(UserContext user, LeadViewer viewer, OutreachLead lead) =>
        MaySee(viewer, lead)
        && (CaseAccess.IsCoordinating(user) || (user.IsInRole(JusoRoles.AgencyMember) && user.AgencyId == lead.ResponsibleAgencyId));
}
