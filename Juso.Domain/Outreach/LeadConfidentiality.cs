using System.Linq.Expressions;
using Juso.Domain.Cases;

namespace Juso.Domain.Outreach;

/// <summary>
/// Who sees a lead: the same idea as <see cref="CaseConfidentiality"/>. The coordinating roles see every lead; the
/// responsible agency's staff see theirs; the agency that told us sees the lead only once the person consented
/// (before consent it is a 支援会議 matter, art. 106-6). One rule, as a query filter and on a loaded lead.
/// </summary>
public static class LeadConfidentiality
{
    public static Expression<Func<OutreachLead, bool>> SeenBy(CaseViewer viewer)
    {
        if (viewer.Coordinating)
        {
            return l => true;
        }
        if (viewer.AgencyId is not { } agencyId)
        {
            return l => false;
        }
        return l => l.ResponsibleAgencyId == agencyId
            || (l.SourceAgencyId == agencyId && (l.Stage == LeadStage.Consented || l.Stage == LeadStage.Connected));
    }

    public static bool MaySee(CaseViewer viewer, OutreachLead lead) => SeenBy(viewer).Compile()(lead);

}
