using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Plans;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Cases;

public class CaseConfidentialityTests
{
    private const int CaseId = 5;
    private const int LeadAgencyId = 2;
    private const int AssignedAgencyId = 3;
    private const int OtherAgencyId = 4;

    /// <summary>A case at agency 1's counter, led by agency 2, with agency 3 assigned; consent as given.</summary>
    private static SupportCase CaseWith(ConsentStatus? consent)
    {
        var supportCase = WithId(OpenCase(consent is null ? null : Consent(ConsentStatus.Obtained)), CaseId);
        supportCase.SetLeadAgency(AgencyWithId(LeadAgencyId, "障害者相談支援事業所"), ActingUser, Now);
        supportCase.InvolveAgency(AgencyWithId(AssignedAgencyId, "社会福祉協議会"), ActingUser, Now);
        if (consent == ConsentStatus.Withdrawn)
        {
            supportCase.RecordConsent(Consent(ConsentStatus.Withdrawn), ActingUser, Now);
        }
        return supportCase;
    }

    private static CaseViewer MemberOf(int agencyId, params int[] pledgedCaseIds) => new(false, agencyId, pledgedCaseIds);

    [Theory]
    [InlineData(IntakeAgencyId)]
    [InlineData(LeadAgencyId)]
    public void MaySee_NoConsentLeadOrIntakeAgency_Sees(int agencyId) =>
        Assert.True(CaseConfidentiality.MaySee(MemberOf(agencyId), CaseWith(null)));

    [Theory]
    [InlineData(null)]
    [InlineData(ConsentStatus.Withdrawn)]
    public void MaySee_NoConsentAssignedAgencyUnpledged_DoesNotSee(ConsentStatus? consent) =>
        Assert.False(CaseConfidentiality.MaySee(MemberOf(AssignedAgencyId, 99), CaseWith(consent)));

    [Fact]
    public void MaySee_NoConsentPledgedOnSupportMeetingWithTheCase_Sees() =>
        Assert.True(CaseConfidentiality.MaySee(MemberOf(OtherAgencyId, CaseId), CaseWith(null)));

    [Fact]
    public void MaySee_ConsentAssignedAgency_Sees() =>
        Assert.True(CaseConfidentiality.MaySee(MemberOf(AssignedAgencyId), CaseWith(ConsentStatus.Obtained)));

    [Fact]
    public void MaySee_ConsentUninvolvedAgency_DoesNotSee() =>
        Assert.False(CaseConfidentiality.MaySee(MemberOf(OtherAgencyId), CaseWith(ConsentStatus.Obtained)));

    [Fact]
    public void MaySee_CoordinatingRole_SeesNoConsentCase() =>
        Assert.True(CaseConfidentiality.MaySee(new CaseViewer(true, null, []), CaseWith(null)));

    [Fact]
    public void MaySee_NoAgencyNoPledge_DoesNotSee() =>
        Assert.False(CaseConfidentiality.MaySee(CaseViewer.Nobody, CaseWith(ConsentStatus.Obtained)));

    [Fact]
    public void SeenBy_AsQuery_AgreesWithMaySee()
    {
        var cases = new[] { CaseWith(null), WithId(CaseWith(ConsentStatus.Obtained), 6) }.AsQueryable();

        var seen = cases.Where(CaseConfidentiality.SeenBy(MemberOf(AssignedAgencyId))).Select(c => c.Id).ToList();

        Assert.Equal([6], seen);
    }
}

public class AgencyInvolvementTests
{
    private static readonly Actor Member = new("member-1", "機関 職員");

    private static (SupportCase Case, SupportPlan Plan) CaseAndPlan(ConsentStatus? consent)
    {
        var supportCase = WithId(OpenCase(consent is null ? null : Consent(consent.Value)), 5);
        supportCase.StartAssessment(ActingUser, Now);
        supportCase.StartPlanning(AssessmentOf(supportCase), ActingUser, Now);
        return (supportCase, SupportPlan.Draft(supportCase, Now));
    }

    private static AssignmentDetails RoleFor(int agencyId) =>
        new(agencyId, "担当 次郎", "見守り", "週1回", AssignmentStatus.Planned, Today, null);

    [Theory]
    [InlineData(InvolvementVenue.CasePage, true, false, true)]
    [InlineData(InvolvementVenue.CasePage, false, false, false)]
    [InlineData(InvolvementVenue.MultiLayeredBoard, false, false, true)]
    [InlineData(InvolvementVenue.SupportMeetingBoard, false, true, true)]
    [InlineData(InvolvementVenue.SupportMeetingBoard, false, false, false)]
    public void MayInvolve_WithConsent_CoordinatorsAndMeetingMembers(InvolvementVenue venue, bool coordinating, bool pledged, bool expected) =>
        Assert.Equal(expected, AgencyInvolvement.MayInvolve(ConsentStatus.Obtained, new Involver(Member, coordinating, venue, pledged)));

    [Theory]
    [InlineData(InvolvementVenue.CasePage, true, false, false)]
    [InlineData(InvolvementVenue.MultiLayeredBoard, true, false, false)]
    [InlineData(InvolvementVenue.SupportMeetingBoard, false, false, false)]
    [InlineData(InvolvementVenue.SupportMeetingBoard, false, true, true)]
    public void MayInvolve_WithoutConsent_OnlyPledgedSupportMeetingMember(InvolvementVenue venue, bool coordinating, bool pledged, bool expected)
    {
        Assert.Equal(expected, AgencyInvolvement.MayInvolve(null, new Involver(Member, coordinating, venue, pledged)));
        Assert.Equal(expected, AgencyInvolvement.MayInvolve(ConsentStatus.Withdrawn, new Involver(Member, coordinating, venue, pledged)));
    }

    [Fact]
    public void Assign_NoConsentFromCasePage_IsRefusedAndNothingChanges()
    {
        var (supportCase, plan) = CaseAndPlan(null);

        var ex = Assert.Throws<DomainException>(() => AgencyInvolvement.Assign(supportCase, plan, null, RoleFor(3), AgencyWithId(3),
            new Involver(Member, true, InvolvementVenue.CasePage, false), Now));

        Assert.Equal(AgencyInvolvement.NeedsSupportMeetingMessage, ex.Message);
        Assert.Empty(plan.Assignments);
        Assert.False(supportCase.Involves(3));
    }

    [Fact]
    public void Assign_NoConsentOnSupportMeetingBoardPledged_AddsRoleAndInvolvesAgency()
    {
        var (supportCase, plan) = CaseAndPlan(null);

        var added = AgencyInvolvement.Assign(supportCase, plan, null, RoleFor(3), AgencyWithId(3),
            new Involver(Member, false, InvolvementVenue.SupportMeetingBoard, true), Now);

        Assert.NotNull(added);
        Assert.Single(plan.Assignments);
        Assert.True(supportCase.Involves(3));
    }

    [Fact]
    public void Assign_AgencyAlreadyInvolved_NeedsNoDecision()
    {
        var (supportCase, plan) = CaseAndPlan(null);

        AgencyInvolvement.Assign(supportCase, plan, null, RoleFor(IntakeAgencyId), AgencyWithId(IntakeAgencyId),
            new Involver(Member, false, InvolvementVenue.CasePage, false), Now);

        Assert.Single(plan.Assignments);
    }

    [Fact]
    public void Assign_PlanOfAnotherCase_IsRefused()
    {
        var (supportCase, _) = CaseAndPlan(ConsentStatus.Obtained);
        var (_, otherPlan) = CaseAndPlan(ConsentStatus.Obtained);
        WithId(otherPlan, 1);

        Assert.Throws<DomainException>(() => AgencyInvolvement.Assign(WithId(supportCase, 6), otherPlan, null, RoleFor(3), AgencyWithId(3),
            new Involver(Member, true, InvolvementVenue.CasePage, false), Now));
    }
}
