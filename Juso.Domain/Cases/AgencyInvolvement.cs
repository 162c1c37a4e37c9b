using Juso.Domain.Agencies;
using Juso.Domain.Common;
using Juso.Domain.Plans;

namespace Juso.Domain.Cases;

/// <summary>Where a role assignment is being made: the case's plan tab, or the board of one of the two meeting kinds.</summary>
public enum InvolvementVenue
{
    CasePage,
    MultiLayeredBoard,
    SupportMeetingBoard,
}

/// <summary>Who gives an agency a role: whether they hold a coordinating role, where they act, and whether they pledged there.</summary>
public sealed record Involver(Actor Actor, bool Coordinating, InvolvementVenue Venue, bool Pledged);

/// <summary>
/// Giving an agency a role in a plan gives it a part in the case, and so discloses the case to it. Who may do that
/// (docs/adr/0013): with the person's consent the coordinating roles, and the members of a 重層的支援会議 on its board;
/// without consent only a 支援会議 decides it, that is a pledged member on a 支援会議's board. Both the plan tab and the
/// board add and change assignments through <see cref="Assign"/>.
/// </summary>
public static class AgencyInvolvement
{
    public const string NeedsSupportMeetingMessage =
        "本人の同意がないケースに機関を加えるには、支援会議（守秘義務の誓約後）での決定が必要です。";

    public const string NotAllowedMessage = "このケースに新しい機関を加える権限がありません。";

    public static bool MayInvolve(ConsentStatus? consent, Involver who) =>
        consent == ConsentStatus.Obtained
            ? who.Coordinating || who.Venue == InvolvementVenue.MultiLayeredBoard || (who.Venue == InvolvementVenue.SupportMeetingBoard && who.Pledged)
            : who.Venue == InvolvementVenue.SupportMeetingBoard && who.Pledged;

    /// <summary>
    /// Adds a role assignment to the plan (<paramref name="assignmentId"/> null) or changes one, and gives its agency a
    /// part in the case. An agency not yet in the case joins only if <see cref="MayInvolve"/> allows it.
    /// </summary>
    public static RoleAssignment? Assign(SupportCase supportCase, SupportPlan plan, int? assignmentId, AssignmentDetails details,
        Agency? agency, Involver who, DateTimeOffset now)
    {
        if (plan.SupportCaseId != supportCase.Id)
        {
            throw new DomainException("別のケースのプランです。");
        }
        if (agency is not null)
        {
            EnsureMayInvolve(supportCase, agency, who);
        }
        RoleAssignment? added = null;
        if (assignmentId is { } id)
        {
            plan.UpdateAssignment(id, details, agency);
        }
        else
        {
            added = plan.AddAssignment(details, agency, now);
        }
        if (agency is not null)
        {
            supportCase.InvolveAgency(agency, who.Actor, now);
        }
        return added;
    }

    /// <summary>Gives an agency a part in the case without a role (関わる機関を追加), under the same rule.</summary>
    public static void Involve(SupportCase supportCase, Agency agency, Involver who, DateTimeOffset now)
    {
        EnsureMayInvolve(supportCase, agency, who);
        supportCase.InvolveAgency(agency, who.Actor, now);
    }

    private static void EnsureMayInvolve(SupportCase supportCase, Agency agency, Involver who)
    {
        if (!supportCase.Involves(agency.Id) && !MayInvolve(supportCase.CurrentConsent, who))
        {
            throw new DomainException(supportCase.CurrentConsent == ConsentStatus.Obtained ? NotAllowedMessage : NeedsSupportMeetingMessage,
                nameof(RoleAssignment.AgencyId));
        }
    }
}
