using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Participation;
using Juso.Domain.Plans;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Participation;

public sealed class ParticipationPlanTests
{
    private static readonly DateOnly TrialFrom = Today.AddDays(-10);

    /// <summary>A case in planning with a 支援プラン that uses 参加支援, approved at a meeting.</summary>
    private static (SupportCase Case, SupportPlan Plan, Household Household) Approved(bool usesParticipation = true, bool approve = true)
    {
        var supportCase = CaseIn(CaseStage.Planning);
        var plan = SupportPlan.Draft(supportCase, Now);
        plan.ReviseDraft([new GoalDetails(GoalTerm.LongTerm, "地域で役割を持つ")], AgencyWithId(IntakeAgencyId), usesParticipation, false, 60, Now);
        plan.AddAssignment(new AssignmentDetails(IntakeAgencyId, "担当 花子", "参加支援", "月2回", AssignmentStatus.Planned, Today, null), AgencyWithId(IntakeAgencyId), Now);
        if (approve)
        {
            plan.Approve(Today, "令和8年度第3回重層的支援会議", Now);
        }
        return (supportCase, plan, StoredHousehold());
    }

    private static ParticipationPlan NewPlan(int interval = 14)
    {
        var (supportCase, plan, household) = Approved();
        return ParticipationPlan.Create(supportCase, plan, household, 102, "週1回、家の外で役割を持つ", interval, ActingUser, Now.AddDays(-20));
    }

    private static SocialResource Resource(int id = 5, string name = "ひばり野農園") =>
        WithId(SocialResource.Register(new ResourceDetails(name, ResourceKind.Company, "農作業", "北町", "平日午前", "体を動かしたい人", "農園主", null, 3), Now), id);

    private static MatchingDetails Matching(int resourceId = 5) =>
        new(resourceId, "人の少ない屋外で働きたい", "朝が苦手なこと（本人了承）", "週1回2時間から受け入れる", Today.AddDays(-14), Today.AddDays(-12), TrialFrom, Today.AddDays(30));

    private static ParticipationPlan Matched(int interval = 14)
    {
        var plan = NewPlan(interval);
        plan.Match(Resource(), Matching(), Now);
        return plan;
    }

    [Fact]
    public void Create_PlanApprovedWithParticipationSupport_StartsPreparingForThePerson()
    {
        var plan = NewPlan();

        Assert.Equal(ParticipationStatus.Preparing, plan.Status);
        Assert.Equal(102, plan.HouseholdMemberId);
        Assert.Equal(ActingUser.UserId, plan.WorkerUserId);
        Assert.Null(plan.NextFollowUpDue);
    }

    [Fact]
    public void Create_PlanDoesNotUseParticipationSupport_IsRefusedSayingSo()
    {
        var (supportCase, plan, household) = Approved(usesParticipation: false);

        var error = Assert.Throws<DomainException>(() => ParticipationPlan.Create(supportCase, plan, household, 102, "目標", 14, ActingUser, Now));

        Assert.Contains("参加支援を使うと定めていません", error.Message);
    }

    [Fact]
    public void Create_PlanNotYetApproved_IsRefusedSayingAMeetingMustApproveIt()
    {
        var (supportCase, plan, household) = Approved(approve: false);

        var error = Assert.Throws<DomainException>(() => ParticipationPlan.Create(supportCase, plan, household, 102, "目標", 14, ActingUser, Now));

        Assert.Contains("重層的支援会議で承認された支援プランのもとでだけ", error.Message);
    }

    [Fact]
    public void Create_WholeHouseholdPlanOfASupportMeeting_IsRefused()
    {
        var supportCase = OpenCase(Consent(ConsentStatus.NotObtained));
        supportCase.StartAssessment(ActingUser, Now);
        supportCase.StartPlanning(AssessmentOf(supportCase), ActingUser, Now);
        var plan = SupportPlan.Draft(supportCase, Now);
        plan.ReviseDraft([new GoalDetails(GoalTerm.LongTerm, "見守る")], AgencyWithId(IntakeAgencyId), true, false, 60, Now);
        plan.AddAssignment(new AssignmentDetails(IntakeAgencyId, "担当", "見守り", "月1回", AssignmentStatus.Planned, Today, null), AgencyWithId(IntakeAgencyId), Now);
        plan.Approve(Today, "支援会議", Now);

        var error = Assert.Throws<DomainException>(() => ParticipationPlan.Create(supportCase, plan, StoredHousehold(), 101, "目標", 14, ActingUser, Now));

        Assert.Contains("世帯丸ごと支援プラン（本人同意なし）では参加支援を始められません", error.Message);
    }

    [Fact]
    public void Create_NoPlanAtAll_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => ParticipationPlan.Create(CaseIn(CaseStage.Planning), null, StoredHousehold(), 101, "目標", 14, ActingUser, Now));

        Assert.Contains("プランがありません", error.Message);
    }

    [Fact]
    public void Create_ConsentWithdrawnSinceApproval_IsRefused()
    {
        var (supportCase, plan, household) = Approved();
        supportCase.RecordConsent(Consent(ConsentStatus.Withdrawn, Today), ActingUser, Now);

        Assert.NotNull(ParticipationPlan.WhyNotAllowed(supportCase, plan));
        Assert.Throws<DomainException>(() => ParticipationPlan.Create(supportCase, plan, household, 102, "目標", 14, ActingUser, Now));
    }

    [Fact]
    public void Create_MemberOfAnotherHousehold_IsRefusedOnTheMemberField()
    {
        var (supportCase, plan, household) = Approved();

        var error = Assert.Throws<DomainException>(() => ParticipationPlan.Create(supportCase, plan, household, 999, "目標", 14, ActingUser, Now));

        HasError(error, nameof(ParticipationPlan.HouseholdMemberId), "このケースの世帯員を選択してください。");
    }

    [Fact]
    public void Match_WithConsentAndHostAgreement_StartsTheTrial_FirstFollowUpOneIntervalIn()
    {
        var plan = Matched(interval: 14);

        Assert.Equal(ParticipationStatus.Trial, plan.Status);
        Assert.Equal(5, plan.MatchedResourceId);
        Assert.Equal(TrialFrom.AddDays(14), plan.NextFollowUpDue);
    }

    [Fact]
    public void Match_WithoutConsentOrWhatTheHostAgreed_IsRefusedNamingEachField()
    {
        var plan = NewPlan();

        var error = Assert.Throws<DomainException>(() => plan.Match(Resource(), Matching() with { ConsentOn = null, HostAgreement = " " }, Now));

        HasError(error, nameof(MatchingDetails.ConsentOn), "受入先に情報を伝えることへの本人の同意日を入力してください。");
        HasError(error, nameof(MatchingDetails.HostAgreement), "受入先が了承した内容を入力してください。");
        Assert.Equal(ParticipationStatus.Preparing, plan.Status);
    }

    [Fact]
    public void Match_ConsentAfterTheHostWasTold_IsRefused()
    {
        var plan = NewPlan();

        var error = Assert.Throws<DomainException>(() => plan.Match(Resource(), Matching() with { ConsentOn = Today.AddDays(-5) }, Now));

        Assert.Contains("受入先に伝える前に本人の同意が必要です", error.Message);
    }

    [Fact]
    public void Match_LackingResource_IsRefused()
    {
        var plan = NewPlan();
        var lacking = WithId(SocialResource.RecordLack(new ResourceDetails("夜の居場所", ResourceKind.DropIn, null, null, null, null, null, null, null), "重層的支援会議", Today, Now), 6);

        var error = Assert.Throws<DomainException>(() => plan.Match(lacking, Matching(6), Now));

        Assert.Contains("不足のため受入先にできません", error.Message);
    }

    [Fact]
    public void RecordFollowUp_MovesTheNextDueOneIntervalFromTheVisit_OrToTheDateGiven()
    {
        var plan = Matched(interval: 14);

        plan.RecordFollowUp(new FollowUpDetails(Today.AddDays(-2), FollowUpTarget.Host, "受入先は好意的", null), ActingUser, Now);
        Assert.Equal(Today.AddDays(12), plan.NextFollowUpDue);
        Assert.Equal(TrialFrom.AddDays(14), plan.FollowUps[0].DueOn);

        plan.RecordFollowUp(new FollowUpDetails(Today, FollowUpTarget.Person, "本人も続けたい", Today.AddDays(30)), ActingUser, Now);
        Assert.Equal(Today.AddDays(30), plan.NextFollowUpDue);
        Assert.Equal(2, plan.FollowUps.Count);
    }

    [Fact]
    public void RecordFollowUp_BeforeMatching_IsRefused()
    {
        var plan = NewPlan();

        var error = Assert.Throws<DomainException>(() => plan.RecordFollowUp(new FollowUpDetails(Today, FollowUpTarget.Both, "様子", null), ActingUser, Now));

        Assert.Contains("マッチングの後に記録します", error.Message);
    }

    [Fact]
    public void RecordFollowUp_DatedInTheFuture_IsRefused()
    {
        var plan = Matched();

        var error = Assert.Throws<DomainException>(() => plan.RecordFollowUp(new FollowUpDetails(Today.AddDays(1), FollowUpTarget.Both, "様子", null), ActingUser, Now));

        HasError(error, nameof(FollowUpDetails.VisitedOn), "訪問日に未来の日付は入力できません。");
        Assert.Empty(plan.FollowUps);
    }

    [Fact]
    public void Lifecycle_TrialThenFollowingThenEnded_FollowUpOnTheEndedPlanIsRefused()
    {
        var plan = Matched();
        Assert.Throws<DomainException>(() => plan.CompleteTrial(Now));
        plan.RecordFollowUp(new FollowUpDetails(Today, FollowUpTarget.Both, "順調", null), ActingUser, Now);
        plan.CompleteTrial(Now);
        Assert.Equal(ParticipationStatus.Following, plan.Status);

        plan.End(ParticipationOutcome.Settled, "週1回の参加が定着した", Today, Now);

        Assert.Equal(ParticipationStatus.Ended, plan.Status);
        Assert.Null(plan.NextFollowUpDue);
        var error = Assert.Throws<DomainException>(() => plan.RecordFollowUp(new FollowUpDetails(Today, FollowUpTarget.Host, "様子", null), ActingUser, Now));
        Assert.Contains("終了した参加支援プランにはフォローアップを記録できません", error.Message);
        Assert.Single(plan.FollowUps);
        Assert.Throws<DomainException>(() => plan.End(ParticipationOutcome.Other, "二度目", Today, Now));
    }

    [Fact]
    public void ReviseGoal_WhileMatchedAndFollowing_IsSaved_AnEndedPlanKeepsItsGoal()
    {
        var plan = Matched();

        plan.ReviseGoal("  週2回、家の外で役割を持つ。 ", Now);
        Assert.Equal("週2回、家の外で役割を持つ。", plan.Goal);
        var empty = Assert.Throws<DomainException>(() => plan.ReviseGoal(" ", Now));
        HasError(empty, nameof(ParticipationPlan.Goal), "参加支援の目標を入力してください。");

        plan.End(ParticipationOutcome.Settled, "定着した", Today, Now);
        var ended = Assert.Throws<DomainException>(() => plan.ReviseGoal("別の目標", Now));

        Assert.Contains("終了した参加支援プランの目標は変更できません", ended.Message);
        Assert.Equal("週2回、家の外で役割を持つ。", plan.Goal);
    }

    [Fact]
    public void SetCandidates_OnlyAcceptingResources_AndOnlyWhilePreparing()
    {
        var plan = NewPlan();
        var paused = Resource(7, "カフェ");
        paused.SetAccepting(false, Now);

        Assert.Throws<DomainException>(() => plan.SetCandidates([Resource(), paused], Now));
        plan.SetCandidates([Resource(), Resource(8, "図書館")], Now);
        Assert.Equal([5, 8], plan.Candidates.Select(c => c.SocialResourceId));

        plan.Match(Resource(), Matching(), Now);
        Assert.Throws<DomainException>(() => plan.SetCandidates([Resource()], Now));
    }
}
