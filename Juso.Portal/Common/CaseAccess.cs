using Juso.Domain.Cases;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Common;

/// <summary>
/// Who may see and change which case. Coordinators and supervisors work on every case, chairs read every
/// case, agency members only the cases their agency has a part in, and a case without consent only as
/// <see cref="CaseConfidentiality"/> allows; administrators manage the system and see no case
/// (docs/adr/0003-case-access.md, 0013). Every feature service filters through here.
/// </summary>
public static class CaseAccess
{
    public static bool SeesAllCases(UserContext user) =>
        user.IsInRole(JusoRoles.Coordinator) || user.IsInRole(JusoRoles.Supervisor) || user.IsInRole(JusoRoles.Chair);

    public static bool CanTakeIntake(UserContext user) =>
        user.IsInRole(JusoRoles.Coordinator) || user.IsInRole(JusoRoles.Supervisor)
        || (user.IsInRole(JusoRoles.AgencyMember) && user.AgencyId is not null);

    /// <summary>
    /// The facts <see cref="CaseConfidentiality"/> decides on for this user: their roles, their agency, and the cases
    /// on the agenda of every 支援会議 for which they pledged confidentiality.
    /// </summary>
    public static async Task<CaseViewer> ViewerAsync(JusoDbContext db, UserContext user)
    {
        if (SeesAllCases(user))
        {
            return new CaseViewer(true, user.AgencyId, []);
        }
        if (!user.IsInRole(JusoRoles.AgencyMember))
        {
            return CaseViewer.Nobody;
        }
        var pledged = await db.Meetings.AsNoTracking()
            .Where(m => m.Kind == MeetingKind.Support && m.Members.Any(x => x.UserId == user.UserId && x.PledgedAt != null))
            .SelectMany(m => m.Agenda.Where(a => a.SupportCaseId != null).Select(a => a.SupportCaseId!.Value))
            .Distinct().ToListAsync();
        return new CaseViewer(false, user.AgencyId, pledged);
    }

    /// <summary>The cases the viewer may see, as a query filter.</summary>
    public static IQueryable<SupportCase> Visible(IQueryable<SupportCase> cases, CaseViewer viewer) =>
        cases.Where(CaseConfidentiality.SeenBy(viewer));

    public static bool CanRead(CaseViewer viewer, SupportCase supportCase) => CaseConfidentiality.MaySee(viewer, supportCase);

    /// <summary>
    /// Coordinators and supervisors change every case; an agency member the cases its agency has a part in and
    /// may see (a pledge alone lets one read a case, not change it).
    /// </summary>
    public static bool CanEdit(UserContext user, CaseViewer viewer, SupportCase supportCase) =>
        user.IsInRole(JusoRoles.Coordinator) || user.IsInRole(JusoRoles.Supervisor)
        || (user.IsInRole(JusoRoles.AgencyMember) && user.AgencyId is { } agencyId && supportCase.Involves(agencyId)
            && CaseConfidentiality.MaySee(viewer, supportCase));

    /// <summary>Who may give agencies a part in a case from the case page: the coordinating roles (the rule: <see cref="AgencyInvolvement"/>).</summary>
    public static bool CanManageAgencies(UserContext user, SupportCase supportCase) => IsCoordinating(user);

    /// <summary>The user involving an agency from the case page (the plan tab, 関わる機関).</summary>
    public static Involver Involver(UserContext user) => new(user.Actor, IsCoordinating(user), InvolvementVenue.CasePage, false);

    /// <summary>The roles that coordinate cases for the municipality, and so may decide who takes part in one.</summary>
    public static bool IsCoordinating(UserContext user) => user.IsInRole(JusoRoles.Coordinator) || user.IsInRole(JusoRoles.Supervisor);
}
