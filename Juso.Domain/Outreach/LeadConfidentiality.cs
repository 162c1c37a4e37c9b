using System.Linq.Expressions;
using Juso.Domain.Cases;

namespace Juso.Domain.Outreach;

/// <summary>
/// Who sees a lead: the same idea as <see cref="CaseConfidentiality"/>. The coordinating roles see every lead; the
/// responsible agency's staff see theirs; the agency that told us sees the lead only once the person consented
/// (before consent it is a 支援会議 matter, art. 106-6); any other member only as a pledged member of a 支援会議 with the
/// lead on its agenda. One rule, as a query filter and on a loaded lead.
/// </summary>
public static class LeadConfidentiality
{
    /// <param name="pledgedLeadIds">The leads on the agenda of every 支援会議 for which the viewer pledged confidentiality.</param>
    public static Expression<Func<OutreachLead, bool>> SeenBy(CaseViewer viewer, IReadOnlyCollection<int> pledgedLeadIds)
    {
        if (viewer.Coordinating)
        {
            return l => true;
        }
        var pledged = pledgedLeadIds.ToList();
        if (viewer.AgencyId is not { } agencyId)
        {
            return l => pledged.Contains(l.Id);
        }
        return l => pledged.Contains(l.Id) || l.ResponsibleAgencyId == agencyId
            || (l.SourceAgencyId == agencyId && (l.Stage == LeadStage.Consented || l.Stage == LeadStage.Connected));
    }

    public static bool MaySee(CaseViewer viewer, IReadOnlyCollection<int> pledgedLeadIds, OutreachLead lead) => SeenBy(viewer, pledgedLeadIds).Compile()(lead);

}
