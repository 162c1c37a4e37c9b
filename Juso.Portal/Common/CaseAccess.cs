using Juso.Domain.Cases;
using Juso.Infrastructure.Identity;

namespace Juso.Portal.Common;

/// <summary>
/// Who may see and change which case. Coordinators and supervisors work on every case, chairs read every
/// case, agency members only the cases their agency has a part in; administrators manage the system and
/// see no case (docs/adr/0003-case-access.md). Every feature service filters through here.
/// </summary>
public static class CaseAccess
{
    public static bool SeesAllCases(UserContext user) =>
        user.IsInRole(JusoRoles.Coordinator) || user.IsInRole(JusoRoles.Supervisor) || user.IsInRole(JusoRoles.Chair);

    public static bool CanTakeIntake(UserContext user) =>
        user.IsInRole(JusoRoles.Coordinator) || user.IsInRole(JusoRoles.Supervisor)
        || (user.IsInRole(JusoRoles.AgencyMember) && user.AgencyId is not null);

    /// <summary>The cases the user may see, as a query filter.</summary>
    public static IQueryable<SupportCase> Visible(IQueryable<SupportCase> cases, UserContext user)
    {
        if (SeesAllCases(user))
        {
            return cases;
        }
        if (user.IsInRole(JusoRoles.AgencyMember) && user.AgencyId is { } agencyId)
        {
            return cases.Where(c => c.Agencies.Any(a => a.AgencyId == agencyId));
        }
        return cases.Where(_ => false);
    }

    public static bool CanRead(UserContext user, SupportCase supportCase) =>
        SeesAllCases(user) || IsMemberOfInvolvedAgency(user, supportCase);

    public static bool CanEdit(UserContext user, SupportCase supportCase) =>
        user.IsInRole(JusoRoles.Coordinator) || user.IsInRole(JusoRoles.Supervisor) || IsMemberOfInvolvedAgency(user, supportCase);

    /// <summary>Who may give agencies a part in a case (and so disclose it to them): the coordinating roles only.</summary>
    public static bool CanManageAgencies(UserContext user, SupportCase supportCase) =>
        user.IsInRole(JusoRoles.Coordinator) || user.IsInRole(JusoRoles.Supervisor);

    private static bool IsMemberOfInvolvedAgency(UserContext user, SupportCase supportCase) =>
        user.IsInRole(JusoRoles.AgencyMember) && user.AgencyId is { } agencyId && supportCase.Involves(agencyId);
}
