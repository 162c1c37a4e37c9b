using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Meetings;

public class MeetingTests
{
    private static readonly Actor Chair = new("u-chair", "石田 美穂");

    private static CarryBackResult Approve(Meeting meeting, Actor actor, DateTimeOffset now) =>
        MinutesCarryBack.Apply(meeting, new Dictionary<int, SupportCase>(), new Dictionary<int, Juso.Domain.Plans.SupportPlan>(), new Dictionary<int, Juso.Domain.Agencies.Agency>(), actor, now);

    [Fact]
    public void Schedule_SupportMeeting_MasksNamesByDefault_AndTheChairIsAMember()
    {
        var meeting = Schedule(MeetingKind.Support);

        Assert.True(meeting.MasksNames);
        Assert.True(meeting.IsMember(Chair.UserId));
        Assert.False(Schedule(MeetingKind.MultiLayered).MasksNames);
    }

    [Fact]
    public void SupportMeeting_ShowsCaseDetailsOnlyAfterTheMembersPledge()
    {
        var meeting = Schedule(MeetingKind.Support);
        meeting.AddMember("u-member", "藤井 由美", 2, Now);

        Assert.False(meeting.MayShowCaseDetailsTo("u-member"));
        Assert.False(meeting.MayShowCaseDetailsTo(Chair.UserId));
        meeting.RecordPledge("u-member", Now);

        Assert.True(meeting.MayShowCaseDetailsTo("u-member"));
        Assert.False(meeting.MayShowCaseDetailsTo("u-outsider"));
    }

    [Fact]
    public void OutreachReviewMeeting_NeedsNoPledge_ItsMembersOpenTheBoard()
    {
        var meeting = Schedule(MeetingKind.OutreachReview);
        meeting.AddMember("u-member", "藤井 由美", 2, Now);

        Assert.True(meeting.MayShowCaseDetailsTo("u-member"));
        Assert.True(meeting.MayShowCaseDetailsTo(Chair.UserId));
        Assert.False(meeting.MayShowCaseDetailsTo("u-outsider"));
        Assert.Throws<DomainException>(() => meeting.RecordPledge("u-member", Now));
    }

    [Fact]
    public void MultiLayeredMeeting_NeedsNoPledge_ButOnlyMembersSeeDetails()
    {
        var meeting = Schedule(MeetingKind.MultiLayered);
        meeting.AddMember("u-member", "藤井 由美", 2, Now);

        Assert.True(meeting.MayShowCaseDetailsTo("u-member"));
        Assert.False(meeting.MayShowCaseDetailsTo("u-outsider"));
        Assert.Throws<DomainException>(() => meeting.RecordPledge("u-member", Now));
    }

    [Fact]
    public void RecordPledge_ForSomeoneNotInTheMeeting_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Schedule(MeetingKind.Support).RecordPledge("u-outsider", Now));

        Assert.Equal("この会議の構成員ではありません。", ex.Message);
    }

    [Fact]
    public void MultiLayeredMeeting_RefusesACaseWithoutConsent_SupportMeetingTakesIt()
    {
        var withoutConsent = WithId(OpenCase(Consent(ConsentStatus.NotObtained, method: null)), 40);

        var ex = Assert.Throws<DomainException>(() => Schedule(MeetingKind.MultiLayered).AddAgendaItem(withoutConsent, AgendaPurpose.PlanProposal, 10, Now));
        var item = Schedule(MeetingKind.Support).AddAgendaItem(withoutConsent, AgendaPurpose.InformationSharing, 10, Now);

        HasError(ex, "Agenda", "本人同意のないケースは重層的支援会議では扱えません。支援会議で扱ってください。");
        Assert.Equal(40, item.SupportCaseId);
    }

    [Fact]
    public void AddAgendaItem_SameCaseTwice_OrNoTimeBudget_IsRefused()
    {
        var meeting = Schedule(MeetingKind.MultiLayered);
        var supportCase = WithId(OpenCase(Consent(ConsentStatus.Obtained)), 41);
        meeting.AddAgendaItem(supportCase, AgendaPurpose.Monitoring, 10, Now);

        var twice = Assert.Throws<DomainException>(() => meeting.AddAgendaItem(supportCase, AgendaPurpose.Monitoring, 10, Now));
        var noTime = Assert.Throws<DomainException>(() => meeting.AddAgendaItem(WithId(OpenCase(Consent(ConsentStatus.Obtained)), 42), AgendaPurpose.Monitoring, 0, Now));

        HasError(twice, "Agenda", "このケースは既に議題にあります。");
        HasError(noTime, "Minutes", "時間の目安は1分から120分の間で入力してください。");
    }

    [Fact]
    public void RegularSession_WarnsPastTwelveCases()
    {
        var meeting = Schedule(MeetingKind.MultiLayered);
        for (var i = 1; i <= 12; i++)
        {
            meeting.AddAgendaItem(WithId(OpenCase(Consent(ConsentStatus.Obtained)), 100 + i), AgendaPurpose.Monitoring, 8, Now);
        }
        Assert.False(meeting.IsOverRecommendedSize);

        meeting.AddAgendaItem(WithId(OpenCase(Consent(ConsentStatus.Obtained)), 200), AgendaPurpose.Monitoring, 8, Now);

        Assert.True(meeting.IsOverRecommendedSize);
    }

    [Fact]
    public void MoveAgendaItem_ToFirst_ShiftsTheOthersDown()
    {
        var meeting = Schedule(MeetingKind.MultiLayered);
        var items = Enumerable.Range(1, 3)
            .Select(i => WithId(meeting.AddAgendaItem(WithId(OpenCase(Consent(ConsentStatus.Obtained)), 300 + i), AgendaPurpose.Monitoring, 10, Now), i))
            .ToList();

        meeting.MoveAgendaItem(3, 1, Now);

        Assert.Equal([303, 301, 302], meeting.Agenda.OrderBy(a => a.Order).Select(a => a.SupportCaseId));
    }

    [Fact]
    public void AddActionItem_WithoutOwnerOrDueDate_IsRefusedWithBothMessages()
    {
        var (meeting, item) = WithOneItem();

        var ex = Assert.Throws<DomainException>(() => meeting.AddActionItem(item.Id, new ActionItemDetails("家計の状況を確認する", null, null, null), Now));

        HasError(ex, "OwnerAgencyId", "対応事項の担当機関を選択してください。");
        HasError(ex, "DueOn", "対応事項の期限を入力してください。");
        Assert.Empty(meeting.ActionItems);
    }

    [Fact]
    public void AddActionItem_DueBeforeTheMeeting_IsRefused()
    {
        var (meeting, item) = WithOneItem();

        var ex = Assert.Throws<DomainException>(() =>
            meeting.AddActionItem(item.Id, new ActionItemDetails("訪問する", 3, null, Today), Now));

        HasError(ex, "DueOn", "期限は会議の日以降にしてください。");
    }

    [Fact]
    public void RecordDecision_Empty_IsRefused_AndAnItemWithDecisionsCannotBeRemoved()
    {
        var (meeting, item) = WithOneItem();

        var empty = Assert.Throws<DomainException>(() => meeting.RecordDecision(item.Id, "  ", Now));
        meeting.RecordDecision(item.Id, "主担当は東部包括とする。", Now);
        var remove = Assert.Throws<DomainException>(() => meeting.RemoveAgendaItem(item.Id, Now));

        HasError(empty, "Text", "決定事項を入力してください。");
        HasError(remove, "Agenda", "決定事項や対応事項がある議題は外せません。");
    }

    [Fact]
    public void StartItem_HighlightsItAndStartsItsTimer()
    {
        var (meeting, item) = WithOneItem();

        meeting.StartItem(item.Id, Now.AddDays(7));

        Assert.Equal(item.Id, meeting.CurrentAgendaItemId);
        Assert.Equal(Now.AddDays(7).UtcDateTime, meeting.CurrentItemStartedAt);
    }

    [Fact]
    public void ApproveMinutes_OnlyTheChair_AfterTheSession_WithAttendance_ThenTheRecordIsFinal()
    {
        var (meeting, item) = WithOneItem();
        meeting.AddMember("u-member", "藤井 由美", 2, Now);
        var after = Now.AddDays(7).AddHours(2);

        var early = Assert.Throws<DomainException>(() => Approve(meeting, Chair, Now));
        var notChair = Assert.Throws<DomainException>(() => Approve(meeting, new Actor("u-member", "藤井 由美"), after));
        meeting.RecordAttendance("u-member", true, after);
        Approve(meeting, Chair, after);
        var changed = Assert.Throws<DomainException>(() => meeting.RecordDecision(item.Id, "追加の決定", after));

        HasError(early, "MinutesApprovedAt", "開催日時より前には議事録を承認できません。予定より早く開催した場合は、先に「会議を終了」してください。");
        HasError(early, "Members", "出席者を記録してから承認してください。");
        HasError(notChair, "MinutesApprovedAt", "議事録を承認できるのは議長だけです。");
        Assert.True(meeting.IsMinutesApproved);
        Assert.Equal("議事録が承認された会議は変更できません。", changed.Message);
    }

    [Fact]
    public void RemoveMember_TheChair_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Schedule(MeetingKind.Support).RemoveMember(Chair.UserId, Now));

        Assert.Equal("議長は構成員から外せません。", ex.Message);
    }

    private static (Meeting Meeting, AgendaItem Item) WithOneItem()
    {
        var meeting = Schedule(MeetingKind.MultiLayered);
        var item = WithId(meeting.AddAgendaItem(WithId(OpenCase(Consent(ConsentStatus.Obtained)), 500), AgendaPurpose.PlanProposal, 15, Now), 1);
        return (meeting, item);
    }

    private static Meeting Schedule(MeetingKind kind) =>
        Meeting.Schedule(kind, MeetingCadence.Regular, Now.AddDays(7), "市役所 第1会議室", Chair, "石田 美穂", 1, Now);
}
