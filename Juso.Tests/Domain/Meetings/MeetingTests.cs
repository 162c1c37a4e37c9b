using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Meetings;

public class MeetingTests
{
    private static readonly Actor Chair = new("u-chair", "石田 美穂");

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

    private static Meeting Schedule(MeetingKind kind) =>
        Meeting.Schedule(kind, MeetingCadence.Regular, Now.AddDays(7), "市役所 第1会議室", Chair, "石田 美穂", 1, Now);
}
