using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Microsoft.Extensions.Time.Testing;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Outreach;

public class OutreachLeadTests
{
    internal static LeadDetails Details(int everyDays = 14, LeadSource source = LeadSource.CommissionedVolunteer, int? sourceAgencyId = null) =>
        new("東町の○○さん宅の長男（40代）", "ひばり野市東町2丁目8番地", source, sourceAgencyId, "東町地区の民生委員",
            "10年以上外出していない様子。", IntakeAgencyId, null, everyDays);

    internal static OutreachLead Lead(DateTimeOffset? registered = null) => WithId(OutreachLead.Register(Details(), registered ?? Now), 7);

    [Fact]
    public void Register_WithOnlyADescriptionAndAnAddress_NeedsNoName()
    {
        var lead = OutreachLead.Register(Details(), Now);

        Assert.Equal(LeadStage.NotContacted, lead.Stage);
        Assert.Equal("東町の○○さん宅の長男（40代）", lead.Description);
        Assert.Equal(Today, lead.RegisteredOn);
    }

    [Fact]
    public void Register_AgencySourceWithoutAgencyAndNoWorry_ReportsBoth()
    {
        var ex = Assert.Throws<DomainException>(() => OutreachLead.Register(Details(source: LeadSource.Agency) with { Worry = " ", ContactEveryDays = 0 }, Now));

        Assert.Contains(ex.Errors, e => e.Field == "SourceAgencyId");
        Assert.Contains(ex.Errors, e => e.Field == "Worry" && e.Message == "気になることを入力してください。");
        Assert.Contains(ex.Errors, e => e.Field == "ContactEveryDays");
    }

    [Fact]
    public void Stages_FollowTheRelationship_FromNoContactToConnected()
    {
        var lead = Lead(Now.AddDays(-30));

        lead.AdvanceTo(LeadStage.Contacted, anyAttemptReachedPerson: true, Now);
        lead.AdvanceTo(LeadStage.Relationship, anyAttemptReachedPerson: true, Now);
        lead.RecordConsent(Today, ConsentMethod.Verbal, Now);
        lead.ConvertTo(42, Now);

        Assert.Equal(LeadStage.Connected, lead.Stage);
        Assert.Equal(42, lead.ConvertedCaseId);
        Assert.Equal(Today, lead.ConvertedOn);
    }

    [Fact]
    public void AdvanceToContacted_WithoutMeetingThePerson_IsRefused()
    {
        var lead = Lead();

        var ex = Assert.Throws<DomainException>(() => lead.AdvanceTo(LeadStage.Contacted, anyAttemptReachedPerson: false, Now));

        Assert.Equal("「接触」にするには、本人に会えた・話せた記録が必要です。", ex.Message);
        Assert.Equal(LeadStage.NotContacted, lead.Stage);
    }

    [Fact]
    public void SkippingStages_IsRefused()
    {
        var lead = Lead();

        Assert.Throws<DomainException>(() => lead.AdvanceTo(LeadStage.Relationship, true, Now));
        Assert.Throws<DomainException>(() => lead.RecordConsent(Today, ConsentMethod.Verbal, Now));
        Assert.Throws<DomainException>(() => lead.AdvanceTo(LeadStage.Connected, true, Now));
        Assert.Equal(LeadStage.NotContacted, lead.Stage);
    }

    [Fact]
    public void ConvertTo_Twice_IsRefused_AndKeepsTheFirstCase()
    {
        var lead = Lead(Now.AddDays(-30));
        lead.AdvanceTo(LeadStage.Contacted, true, Now);
        lead.RecordConsent(Today, ConsentMethod.Written, Now);
        lead.ConvertTo(42, Now);

        var ex = Assert.Throws<DomainException>(() => lead.ConvertTo(43, Now));

        Assert.Equal("この対象者はすでに相談受付（ケース）に移行しています。", ex.Message);
        Assert.Equal(42, lead.ConvertedCaseId);
    }

    [Fact]
    public void ConvertTo_WithoutConsent_IsRefused()
    {
        var lead = Lead();
        lead.AdvanceTo(LeadStage.Contacted, true, Now);

        var ex = Assert.Throws<DomainException>(() => lead.ConvertTo(42, Now));

        Assert.Equal("相談受付に移行できるのは、本人の同意を記録した対象者です。", ex.Message);
        Assert.Null(lead.ConvertedCaseId);
    }

    [Fact]
    public void End_NeedsAReason_AndEndsTheAlerts()
    {
        var lead = Lead(Now.AddDays(-60));
        Assert.Throws<DomainException>(() => lead.End(" ", Now));

        lead.End("転居のため", Now);

        Assert.Equal(LeadStage.Ended, lead.Stage);
        Assert.False(lead.IsContactOverdue(null, Today.AddDays(100)));
    }

    [Fact]
    public void ContactFrequency_AlertsOnlyOnceTheIntervalHasPassed_AndMovesWithEachAttempt()
    {
        var clock = new FakeTimeProvider(Now);
        var lead = Lead(clock.GetUtcNow());

        clock.Advance(TimeSpan.FromDays(14));
        Assert.False(lead.IsContactOverdue(null, JapanDate.Today(clock.GetUtcNow())));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(lead.IsContactOverdue(null, JapanDate.Today(clock.GetUtcNow())));

        var attempt = OutreachContact.Record(lead, new OutreachContactDetails(OutreachMethod.Letter, OutreachOutcome.NotHome, clock.GetUtcNow(), null), ActingUser, clock.GetUtcNow());
        var lastAttempt = JapanDate.Today(JapanDate.FromUtc(attempt.OccurredAt));
        Assert.False(lead.IsContactOverdue(lastAttempt, JapanDate.Today(clock.GetUtcNow())));
        Assert.Equal(lastAttempt.AddDays(14), lead.ContactDueOn(lastAttempt));
        clock.Advance(TimeSpan.FromDays(15));
        Assert.True(lead.IsContactOverdue(lastAttempt, JapanDate.Today(clock.GetUtcNow())));
    }

    [Fact]
    public void Attempt_InTheFuture_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            OutreachContact.Record(Lead(), new OutreachContactDetails(OutreachMethod.Visit, OutreachOutcome.Met, Now.AddHours(2), null), ActingUser, Now));

        Assert.Contains(ex.Errors, e => e.Field == "OccurredAt" && e.Message == "日時に未来の日時は入力できません。");
    }

    [Fact]
    public void Plan_WithoutConsent_IsDiscussedInASupportMeeting_NotApprovedInAMultiLayeredOne()
    {
        var lead = Lead(Now.AddDays(-30));
        var plan = OutreachPlan.Draft(lead, 1, "話せる相手を持てる", "2週間に1回訪問", ActingUser, Now.AddDays(-10));

        var ex = Assert.Throws<DomainException>(() => plan.Approve(lead, 5, MeetingKind.MultiLayered, Today.AddDays(-1), Now));
        Assert.Equal("本人の同意がない対象者のアウトリーチプランは、支援会議（守秘義務のある会議）で協議してください。", ex.Message);

        plan.Approve(lead, 6, MeetingKind.Support, Today.AddDays(-1), Now);
        Assert.Equal(6, plan.MeetingId);
        Assert.Equal(MeetingKind.Support, plan.MeetingKind);
    }

    [Fact]
    public void Plan_WithConsent_NeedsAMultiLayeredMeetingThatWasHeld()
    {
        var lead = Lead(Now.AddDays(-30));
        lead.AdvanceTo(LeadStage.Contacted, true, Now);
        lead.RecordConsent(Today, ConsentMethod.Verbal, Now);
        var plan = OutreachPlan.Draft(lead, 1, "就労準備の見学", "同行する", ActingUser, Now.AddDays(-10));

        Assert.Throws<DomainException>(() => plan.Approve(lead, 5, MeetingKind.Support, Today, Now));
        var future = Assert.Throws<DomainException>(() => plan.Approve(lead, 5, MeetingKind.MultiLayered, Today.AddDays(3), Now));
        Assert.Equal("まだ開催されていない会議では承認できません。", future.Message);

        plan.Approve(lead, 5, MeetingKind.MultiLayered, Today, Now);
        Assert.True(plan.IsApproved);
    }

    [Fact]
    public void MaskAddress_KeepsTheTownOnly()
    {
        Assert.Equal("ひばり野市東町…", OutreachLabels.MaskAddress("ひばり野市東町2丁目8番地"));
        Assert.Equal("―", OutreachLabels.MaskAddress(null));
    }

    [Fact]
    public void Confidentiality_BeforeConsent_OnlyTheResponsibleAgency_AfterIt_AlsoTheAgencyThatToldUs()
    {
        var lead = WithId(OutreachLead.Register(Details(source: LeadSource.Agency, sourceAgencyId: OtherAgencyId), Now.AddDays(-30)), 3);
        var responsible = new CaseViewer(false, IntakeAgencyId, []);
        var source = new CaseViewer(false, OtherAgencyId, []);

        Assert.True(LeadConfidentiality.MaySee(responsible, [], lead));
        Assert.False(LeadConfidentiality.MaySee(source, [], lead));

        lead.AdvanceTo(LeadStage.Contacted, true, Now);
        lead.RecordConsent(Today, ConsentMethod.Written, Now);

        Assert.True(LeadConfidentiality.MaySee(source, [], lead));
        Assert.False(LeadConfidentiality.MaySee(new CaseViewer(false, ReferringAgencyId, []), [], lead));
    }

    [Fact]
    public void WithdrawConsent_BackToRelationship_NoLongerDiscussedInAMultiLayeredMeeting_ConsentCanBeGivenAgain()
    {
        var lead = Lead(Now.AddDays(-30));
        lead.AdvanceTo(LeadStage.Contacted, anyAttemptReachedPerson: true, Now);
        lead.RecordConsent(Today.AddDays(-3), ConsentMethod.Written, Now);
        var future = Assert.Throws<DomainException>(() => lead.WithdrawConsent(Today.AddDays(1), ConsentMethod.Verbal, Now));
        var beforeConsent = Assert.Throws<DomainException>(() => lead.WithdrawConsent(Today.AddDays(-4), null, Now));

        lead.WithdrawConsent(Today, ConsentMethod.Verbal, Now);

        Assert.Contains(future.Errors, e => e.Message == "撤回日に未来の日付は入力できません。");
        Assert.Contains(beforeConsent.Errors, e => e.Message == "撤回日は同意日以降にしてください。");
        Assert.Contains(beforeConsent.Errors, e => e.Message == "撤回の方法を選択してください。");
        Assert.Equal(LeadStage.Relationship, lead.Stage);
        Assert.False(lead.HasConsent);
        Assert.Equal(Today, lead.ConsentWithdrawnOn);
        Assert.Equal(ConsentMethod.Verbal, lead.ConsentWithdrawnMethod);
        Assert.False(Meeting.MayDiscussLead(MeetingKind.MultiLayered, lead.HasConsent));
        Assert.Throws<DomainException>(() => lead.ConvertTo(42, Now));
        Assert.Throws<DomainException>(() => lead.WithdrawConsent(Today, ConsentMethod.Verbal, Now));

        lead.RecordConsent(Today, ConsentMethod.Written, Now);
        Assert.Equal(LeadStage.Consented, lead.Stage);
    }

    [Fact]
    public void WithdrawConsent_AfterConversion_IsRecordedOnTheCase()
    {
        var lead = Lead(Now.AddDays(-30));
        lead.AdvanceTo(LeadStage.Contacted, anyAttemptReachedPerson: true, Now);
        lead.RecordConsent(Today, ConsentMethod.Written, Now);
        lead.ConvertTo(42, Now);

        var error = Assert.Throws<DomainException>(() => lead.WithdrawConsent(Today, ConsentMethod.Verbal, Now));

        Assert.Contains("ケースの本人同意で撤回を記録してください", error.Message);
        Assert.Equal(LeadStage.Connected, lead.Stage);
    }
}
