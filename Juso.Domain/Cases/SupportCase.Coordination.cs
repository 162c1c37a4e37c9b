using Juso.Domain.Agencies;
using Juso.Domain.Common;

namespace Juso.Domain.Cases;

/// <summary>Who works on the case: the lead agency, the agencies involved, the coordinator.</summary>
public partial class SupportCase
{
    public void SetLeadAgency(Agency agency, Actor actor, DateTimeOffset now)
    {
        EnsureOpen();
        if (!agency.IsActive)
        {
            throw new DomainException("休止中の機関は主担当にできません。", nameof(LeadAgencyId));
        }
        if (LeadAgencyId == agency.Id)
        {
            return;
        }
        // The former lead keeps its part (and so its access) as an assigned agency.
        foreach (var former in _agencies.Where(a => a.Role == CaseAgencyRole.Lead).ToList())
        {
            _agencies.Remove(former);
            if (!_agencies.Any(a => a.AgencyId == former.AgencyId))
            {
                _agencies.Add(new CaseAgency(former.AgencyId, CaseAgencyRole.Assigned, now));
            }
        }
        _agencies.Add(new CaseAgency(agency.Id, CaseAgencyRole.Lead, now));
        LeadAgencyId = agency.Id;
        _events.Add(new CaseEvent(CaseEventKind.LeadAgencySet, $"主担当機関を「{agency.Name}」にしました。", actor, now));
        Touch(now);
    }

    /// <summary>Gives an agency a part in the case (e.g. a role assignment), and so access to it.</summary>
    public void InvolveAgency(Agency agency, Actor actor, DateTimeOffset now)
    {
        EnsureOpen();
        if (!agency.IsActive)
        {
            throw new DomainException("休止中の機関は追加できません。", nameof(Agencies));
        }
        if (Involves(agency.Id))
        {
            return;
        }
        _agencies.Add(new CaseAgency(agency.Id, CaseAgencyRole.Assigned, now));
        _events.Add(new CaseEvent(CaseEventKind.AgencyInvolved, $"「{agency.Name}」が関わる機関に加わりました。", actor, now));
        Touch(now);
    }

    public void AssignCoordinator(Staff staff, Actor actor, DateTimeOffset now)
    {
        EnsureOpen();
        if (!staff.IsActive)
        {
            throw new DomainException("退職・休止中の職員は担当にできません。", nameof(CoordinatorStaffId));
        }
        CoordinatorStaffId = staff.Id;
        _events.Add(new CaseEvent(CaseEventKind.CoordinatorAssigned, $"担当者を{staff.Name}にしました。", actor, now));
        Touch(now);
    }
}
