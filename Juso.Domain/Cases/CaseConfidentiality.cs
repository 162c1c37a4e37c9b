using System.Linq.Expressions;

namespace Juso.Domain.Cases;

/// <summary>
/// Who is asking to see a case: whether they hold one of the municipality's coordinating roles (who see every case),
/// their agency, and the cases on the agenda of a 支援会議 for which they pledged confidentiality.
/// </summary>
public sealed record CaseViewer(bool Coordinating, int? AgencyId, IReadOnlyCollection<int> PledgedCaseIds)
{
    public static readonly CaseViewer Nobody = new(false, null, []);
}

/// <summary>
/// The confidentiality of a case as Social Welfare Act art. 106-6 sets it (R2, docs/adr/0013): with the person's
/// consent, every agency with a part in the case sees it; without it (never obtained, or withdrawn) only the lead and
/// the intake agency do, and any other agency's staff only as pledged members of a 支援会議 that has the case on its
/// agenda. The coordinating roles see every case. This is the one rule: services use it as a query filter and on a
/// loaded case alike.
/// </summary>
public static class CaseConfidentiality
{
    /// <summary>The rule as a filter a query can run.</summary>
    public static Expression<Func<SupportCase, bool>> SeenBy(CaseViewer viewer)
    {
        if (viewer.Coordinating)
        {
            return c => true;
        }
        var pledged = viewer.PledgedCaseIds.ToList();
        if (viewer.AgencyId is not { } agencyId)
        {
            return c => pledged.Contains(c.Id);
        }
        return c => pledged.Contains(c.Id)
            || c.Agencies.Any(a => a.AgencyId == agencyId
                && (c.CurrentConsent == ConsentStatus.Obtained || a.Role == CaseAgencyRole.Lead || a.Role == CaseAgencyRole.Intake));
    }

    /// <summary>The same rule on a loaded case (its agencies loaded).</summary>
    public static bool MaySee(CaseViewer viewer, SupportCase supportCase) => SeenBy(viewer).Compile()(supportCase);
}
