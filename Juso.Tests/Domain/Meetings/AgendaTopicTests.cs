using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Monitoring;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Meetings;

/// <summary>検討テーマ: agenda items without a case (立川's 検討会).</summary>
public class AgendaTopicTests
{
    private static readonly Actor Chair = new("u-chair", "石田 美穂");
    private static readonly DateTimeOffset After = Now.AddDays(7).AddHours(2);

    [Fact]
    public void AddTopicItem_TakesATitleAndDescription_WithoutACase_AndFollowsTheCaseItemsInOrder()
    {
        var meeting = Schedule(MeetingKind.MultiLayered);
        meeting.AddAgendaItem(WithId(OpenCase(Consent(ConsentStatus.Obtained)), 40), AgendaPurpose.Monitoring, 10, Now);

        var topic = meeting.AddTopicItem("  夜間の移動支援が不足している ", " 複数のケースで通院の足がない。 ", AgendaPurpose.ResourceGaps, 20, Now);

        Assert.Equal(AgendaSubject.Topic, topic.Subject);
        Assert.False(topic.IsCase);
        Assert.Null(topic.SupportCaseId);
        Assert.Equal("夜間の移動支援が不足している", topic.TopicTitle);
        Assert.Equal("複数のケースで通院の足がない。", topic.TopicDescription);
        Assert.Equal(2, topic.Order);
        Assert.Equal([40], meeting.CaseIdsOnAgenda());
    }

    [Fact]
    public void AddTopicItem_WithoutTitle_OrWithAPurposeOfOneCasesPlan_IsRefusedWithBothMessages()
    {
        var meeting = Schedule(MeetingKind.MultiLayered);

        var ex = Assert.Throws<DomainException>(() => meeting.AddTopicItem(" ", null, AgendaPurpose.Monitoring, 10, Now));

        HasError(ex, "TopicTitle", "検討テーマを入力してください。");
        HasError(ex, "Purpose", "検討テーマの目的は「情報共有」か「不足する資源の検討」を選択してください。");
        Assert.Empty(meeting.Agenda);
    }

    [Fact]
    public void AddTopicItem_TooLong_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Schedule(MeetingKind.Support).AddTopicItem(new string('あ', AgendaItem.TopicTitleMaxLength + 1), null, AgendaPurpose.InformationSharing, 10, Now));

        Assert.Contains(ex.Errors, e => e.Field == "TopicTitle");
    }

    [Fact]
    public void SupportMeeting_TakesATopic_AndTwoTopicsMayShareAMeeting()
    {
        var meeting = Schedule(MeetingKind.Support);

        meeting.AddTopicItem("ひきこもり支援の居場所", null, AgendaPurpose.ResourceGaps, 15, Now);
        meeting.AddTopicItem("8050世帯に共通する課題", null, AgendaPurpose.InformationSharing, 15, Now);

        Assert.Equal(2, meeting.Agenda.Count);
        Assert.Empty(meeting.CaseIdsOnAgenda());
    }

    [Fact]
    public void TopicItem_RecordsDecisionsAndActionItems()
    {
        var (meeting, topic) = WithTopic();

        meeting.RecordDecision(topic.Id, "移動支援の不足を社会資源の不足として記録する。", Now);
        var action = meeting.AddActionItem(topic.Id, new ActionItemDetails("社会福祉協議会に送迎ボランティアの状況を確認する", 3, null, Today.AddDays(14)), Now);

        Assert.Single(meeting.Decisions, d => d.AgendaItemId == topic.Id);
        Assert.Null(meeting.CaseOf(action));
    }

    [Fact]
    public void TopicItem_TakesNoCaseOutcome_NorTheCapturesOfOne()
    {
        var (meeting, topic) = WithTopic();

        var outcome = Assert.Throws<DomainException>(() => meeting.Conclude(topic.Id, AgendaOutcome.PlanApproved, Now));
        var monitoring = Assert.Throws<DomainException>(() =>
            meeting.CaptureMonitoring(topic.Id, new MonitoringCapture("所見", null, [], []), Now));
        var closure = Assert.Throws<DomainException>(() => meeting.CaptureClosure(topic.Id, new ClosureCapture("評価", "理由", null), Now));
        var handBack = Assert.Throws<DomainException>(() => meeting.CaptureHandBack(topic.Id, "理由", Now));
        meeting.Conclude(topic.Id, AgendaOutcome.None, Now);

        Assert.All([outcome, monitoring, closure, handBack], ex => Assert.Equal(Meeting.TopicHasNoOutcomeMessage, ex.Message));
        Assert.Equal(AgendaOutcome.None, topic.Outcome);
    }

    [Fact]
    public void ApproveMinutes_WithATopicBesideACase_CarriesBackTheCaseOnly_AndKeepsTheTopicsDecisions()
    {
        var (meeting, topic) = WithTopic();
        meeting.RecordDecision(topic.Id, "送迎の不足を検討会の課題とする。", Now);
        meeting.RecordAttendance(Chair.UserId, true, After);

        var result = MinutesCarryBack.Apply(meeting, new Dictionary<int, SupportCase>(), new Dictionary<int, Juso.Domain.Plans.SupportPlan>(),
            new Dictionary<int, Juso.Domain.Agencies.Agency>(), Chair, After);

        Assert.True(meeting.IsMinutesApproved);
        Assert.Empty(result.ChangedCases);
        Assert.Empty(topic.AgreedAssignments);
        Assert.Single(meeting.Decisions, d => d.AgendaItemId == topic.Id);
    }

    [Fact]
    public void RemoveAgendaItem_ATopicWithoutRecords_RenumbersTheRest()
    {
        var meeting = Schedule(MeetingKind.MultiLayered);
        var topic = WithId(meeting.AddTopicItem("地域の見守り", null, AgendaPurpose.InformationSharing, 10, Now), 1);
        var caseItem = WithId(meeting.AddAgendaItem(WithId(OpenCase(Consent(ConsentStatus.Obtained)), 41), AgendaPurpose.Monitoring, 10, Now), 2);

        meeting.RemoveAgendaItem(topic.Id, Now);

        Assert.Equal(1, caseItem.Order);
        Assert.Single(meeting.Agenda);
    }

    private static (Meeting Meeting, AgendaItem Topic) WithTopic()
    {
        var meeting = Schedule(MeetingKind.MultiLayered);
        var topic = WithId(meeting.AddTopicItem("夜間の移動支援が不足している", null, AgendaPurpose.ResourceGaps, 20, Now), 7);
        return (meeting, topic);
    }

    private static Meeting Schedule(MeetingKind kind) =>
        Meeting.Schedule(kind, MeetingCadence.Regular, Now.AddDays(7), "市役所 第1会議室", Chair, "石田 美穂", 1, Now);
}
