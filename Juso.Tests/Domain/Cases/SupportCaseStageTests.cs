using Juso.Domain.Cases;
using Juso.Domain.Common;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Cases;

public class SupportCaseStageTests
{
    private const string ClosedCaseMessage = "終結したケースは変更できません。";

    [Fact]
    public void MoveTo_LegalPathWithReplan_ReachesClosed()
    {
        var supportCase = OpenCase();

        supportCase.MoveTo(CaseStage.Assessment, null, ActingUser, Now);
        Assert.Equal(CaseStage.Assessment, supportCase.Stage);
        supportCase.MoveTo(CaseStage.Planning, null, ActingUser, Now);
        Assert.Equal(CaseStage.Planning, supportCase.Stage);
        supportCase.MoveTo(CaseStage.Support, null, ActingUser, Now);
        Assert.Equal(CaseStage.Support, supportCase.Stage);
        supportCase.MoveTo(CaseStage.Planning, null, ActingUser, Now);
        Assert.Equal(CaseStage.Planning, supportCase.Stage);
        supportCase.MoveTo(CaseStage.Support, null, ActingUser, Now);
        Assert.Equal(CaseStage.Support, supportCase.Stage);
        supportCase.MoveTo(CaseStage.Closed, "支援目標を達成したため", ActingUser, Now);

        Assert.Equal(CaseStage.Closed, supportCase.Stage);
        Assert.True(supportCase.IsClosed);
        Assert.Equal(6, supportCase.Events.Count(e => e.Kind == CaseEventKind.StageChanged));
    }

    [Fact]
    public void MoveTo_NextStage_AddsStageChangedEventNamingBothStages()
    {
        var supportCase = OpenCase();
        var later = Now.AddHours(2);

        supportCase.MoveTo(CaseStage.Assessment, null, ActingUser, later);

        var changed = supportCase.Events[^1];
        Assert.Equal(CaseEventKind.StageChanged, changed.Kind);
        Assert.Equal("段階を「受付」から「アセスメント」に変更しました。", changed.Description);
        Assert.Equal(later.UtcDateTime, supportCase.UpdatedAt);
    }

    [Theory]
    [InlineData(CaseStage.Intake, CaseStage.Planning, "「受付」から「プラン作成」へは進められません。")]
    [InlineData(CaseStage.Intake, CaseStage.Support, "「受付」から「支援中」へは進められません。")]
    [InlineData(CaseStage.Assessment, CaseStage.Support, "「アセスメント」から「支援中」へは進められません。")]
    [InlineData(CaseStage.Planning, CaseStage.Assessment, "「プラン作成」から「アセスメント」へは進められません。")]
    [InlineData(CaseStage.Support, CaseStage.Intake, "「支援中」から「受付」へは進められません。")]
    [InlineData(CaseStage.Assessment, CaseStage.Assessment, "「アセスメント」から「アセスメント」へは進められません。")]
    public void MoveTo_IllegalMove_IsRefusedNamingBothStages(CaseStage from, CaseStage to, string message)
    {
        var supportCase = CaseIn(from);
        var events = supportCase.Events.Count;

        var ex = Assert.Throws<DomainException>(() => supportCase.MoveTo(to, null, ActingUser, Now));

        Assert.Equal(new DomainError("Stage", message), Assert.Single(ex.Errors));
        Assert.Equal(from, supportCase.Stage);
        Assert.Equal(events, supportCase.Events.Count);
    }

    [Theory]
    [InlineData(CaseStage.Intake)]
    [InlineData(CaseStage.Assessment)]
    [InlineData(CaseStage.Planning)]
    [InlineData(CaseStage.Support)]
    public void CanMoveTo_Closed_IsAllowedFromEveryOpenStage(CaseStage from)
    {
        Assert.True(CaseIn(from).CanMoveTo(CaseStage.Closed));
    }

    [Fact]
    public void MoveTo_ClosedWithReason_RecordsClosedOnAndReason()
    {
        var supportCase = CaseIn(CaseStage.Support);

        supportCase.MoveTo(CaseStage.Closed, "  転居のため  ", ActingUser, Now);

        Assert.Equal(CaseStage.Closed, supportCase.Stage);
        Assert.Equal(Today, supportCase.ClosedOn);
        Assert.Equal("転居のため", supportCase.ClosureReason);
        Assert.Equal("段階を「支援中」から「終結」に変更しました。理由: 転居のため", supportCase.Events[^1].Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MoveTo_ClosedWithoutReason_IsRefusedAndCaseStaysOpen(string? reason)
    {
        var supportCase = CaseIn(CaseStage.Support);

        var ex = Assert.Throws<DomainException>(() => supportCase.MoveTo(CaseStage.Closed, reason, ActingUser, Now));

        Assert.Equal(new DomainError("ClosureReason", "終結の理由を入力してください。"), Assert.Single(ex.Errors));
        Assert.Equal(CaseStage.Support, supportCase.Stage);
        Assert.Null(supportCase.ClosedOn);
        Assert.Null(supportCase.ClosureReason);
    }

    [Fact]
    public void MoveTo_ClosedWithReasonOverMaxLength_IsRefused()
    {
        var supportCase = CaseIn(CaseStage.Support);

        var ex = Assert.Throws<DomainException>(() => supportCase.MoveTo(CaseStage.Closed, new string('理', SupportCase.ReasonMaxLength + 1), ActingUser, Now));

        Assert.Equal(new DomainError("ClosureReason", "終結の理由は500文字以内で入力してください（現在501文字）。"), Assert.Single(ex.Errors));
        Assert.False(supportCase.IsClosed);
    }

    [Fact]
    public void MoveTo_ClosedCase_IsRefused()
    {
        var supportCase = CaseIn(CaseStage.Closed);

        var ex = Assert.Throws<DomainException>(() => supportCase.MoveTo(CaseStage.Planning, null, ActingUser, Now));

        Assert.Equal(new DomainError(null, ClosedCaseMessage), Assert.Single(ex.Errors));
        Assert.Equal(CaseStage.Closed, supportCase.Stage);
        Assert.False(supportCase.CanMoveTo(CaseStage.Planning));
    }

    [Fact]
    public void RecordConsent_ClosedCase_IsRefused()
    {
        var supportCase = CaseIn(CaseStage.Closed);

        var ex = Assert.Throws<DomainException>(() => supportCase.RecordConsent(Consent(ConsentStatus.Obtained, Today), ActingUser, Now));

        Assert.Equal(new DomainError(null, ClosedCaseMessage), Assert.Single(ex.Errors));
        Assert.Empty(supportCase.Consents);
    }

    [Fact]
    public void SetLeadAgency_ClosedCase_IsRefused()
    {
        var supportCase = CaseIn(CaseStage.Closed);

        var ex = Assert.Throws<DomainException>(() => supportCase.SetLeadAgency(AgencyWithId(OtherAgencyId), ActingUser, Now));

        Assert.Equal(ClosedCaseMessage, Assert.Single(ex.Errors).Message);
        Assert.Null(supportCase.LeadAgencyId);
        Assert.False(supportCase.Involves(OtherAgencyId));
    }

    [Fact]
    public void InvolveAgency_ClosedCase_IsRefused()
    {
        var supportCase = CaseIn(CaseStage.Closed);

        var ex = Assert.Throws<DomainException>(() => supportCase.InvolveAgency(AgencyWithId(OtherAgencyId), ActingUser, Now));

        Assert.Equal(ClosedCaseMessage, Assert.Single(ex.Errors).Message);
        Assert.False(supportCase.Involves(OtherAgencyId));
    }

    [Fact]
    public void SetLeadAgency_ActiveAgency_BecomesLeadWithAccess()
    {
        var supportCase = OpenCase();

        supportCase.SetLeadAgency(AgencyWithId(OtherAgencyId, "生活困窮者自立相談支援窓口"), ActingUser, Now);

        Assert.Equal(OtherAgencyId, supportCase.LeadAgencyId);
        Assert.True(supportCase.Involves(OtherAgencyId));
        Assert.Contains(supportCase.Agencies, a => a.AgencyId == OtherAgencyId && a.Role == CaseAgencyRole.Lead);
        Assert.Equal(CaseEventKind.LeadAgencySet, supportCase.Events[^1].Kind);
        Assert.Equal("主担当機関を「生活困窮者自立相談支援窓口」にしました。", supportCase.Events[^1].Description);
    }

    [Fact]
    public void SetLeadAgency_AnotherAgency_ReplacesThePreviousLead()
    {
        var supportCase = OpenCase();
        supportCase.SetLeadAgency(AgencyWithId(OtherAgencyId), ActingUser, Now);

        supportCase.SetLeadAgency(AgencyWithId(4, "障害者相談支援センター"), ActingUser, Now);

        Assert.Equal(4, supportCase.LeadAgencyId);
        var lead = Assert.Single(supportCase.Agencies, a => a.Role == CaseAgencyRole.Lead);
        Assert.Equal(4, lead.AgencyId);
        Assert.True(supportCase.Involves(IntakeAgencyId));
    }

    [Fact]
    public void SetLeadAgency_SameAgencyAgain_ChangesNothing()
    {
        var supportCase = OpenCase();
        var agency = AgencyWithId(OtherAgencyId);
        supportCase.SetLeadAgency(agency, ActingUser, Now);
        var events = supportCase.Events.Count;

        supportCase.SetLeadAgency(agency, ActingUser, Now);

        Assert.Single(supportCase.Agencies, a => a.Role == CaseAgencyRole.Lead);
        Assert.Equal(events, supportCase.Events.Count);
    }

    [Fact]
    public void SetLeadAgency_InactiveAgency_IsRefusedAndLeadUnchanged()
    {
        var supportCase = OpenCase();
        supportCase.SetLeadAgency(AgencyWithId(OtherAgencyId), ActingUser, Now);

        var ex = Assert.Throws<DomainException>(() => supportCase.SetLeadAgency(AgencyWithId(4, active: false), ActingUser, Now));

        Assert.Equal(new DomainError("LeadAgencyId", "休止中の機関は主担当にできません。"), Assert.Single(ex.Errors));
        Assert.Equal(OtherAgencyId, supportCase.LeadAgencyId);
        Assert.False(supportCase.Involves(4));
    }

    [Fact]
    public void InvolveAgency_Twice_AddsTheAgencyOnce()
    {
        var supportCase = OpenCase();
        var agency = AgencyWithId(OtherAgencyId, "子ども家庭支援センター");

        supportCase.InvolveAgency(agency, ActingUser, Now);
        supportCase.InvolveAgency(agency, ActingUser, Now);

        var part = Assert.Single(supportCase.Agencies, a => a.AgencyId == OtherAgencyId);
        Assert.Equal(CaseAgencyRole.Assigned, part.Role);
        Assert.True(supportCase.Involves(OtherAgencyId));
        var involved = Assert.Single(supportCase.Events, e => e.Kind == CaseEventKind.AgencyInvolved);
        Assert.Equal("「子ども家庭支援センター」が関わる機関に加わりました。", involved.Description);
    }

    [Fact]
    public void InvolveAgency_InactiveAgency_IsRefused()
    {
        var supportCase = OpenCase();

        var ex = Assert.Throws<DomainException>(() => supportCase.InvolveAgency(AgencyWithId(OtherAgencyId, active: false), ActingUser, Now));

        Assert.Equal(new DomainError("Agencies", "休止中の機関は追加できません。"), Assert.Single(ex.Errors));
        Assert.False(supportCase.Involves(OtherAgencyId));
    }
}
