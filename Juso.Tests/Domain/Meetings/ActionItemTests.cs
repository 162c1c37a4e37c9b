using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Meetings;

public class ActionItemTests
{
    private const int OwnerAgencyId = 3;

    private static readonly Actor Chair = new("u-chair", "石田 美穂");

    private static readonly DateTimeOffset AfterTheMinutes = Now.AddDays(8);

    [Fact]
    public void CompleteActionItem_ByAMemberOfTheOwnerAgency_AfterTheMinutesAreApproved_IsDone()
    {
        var (meeting, supportCase, action) = Approved();
        var version = meeting.Version;

        meeting.CompleteActionItem(action.Id, Owner, supportCase, AfterTheMinutes);

        Assert.True(action.IsDone);
        Assert.Equal((AfterTheMinutes.UtcDateTime, "藤井 由美"), (action.CompletedAt!.Value, action.CompletedBy));
        Assert.Equal(version, meeting.Version);
    }

    [Fact]
    public void CompleteActionItem_ByTheCasesCoordinator_IsDone_AndReopenOpensItAgain()
    {
        var (meeting, supportCase, action) = Approved();
        var coordinator = WithId(Staff.Create(AgencyWithId(9, "福祉総合相談課"), "相談員 花子", "ソウダンイン ハナコ", null, Now), 77);
        supportCase.AssignCoordinator(coordinator, ActingUser, Now);
        var settler = new ActionItemSettler(ActingUser, 9, 77);

        meeting.CompleteActionItem(action.Id, settler, supportCase, AfterTheMinutes);
        meeting.ReopenActionItem(action.Id, settler, supportCase);

        Assert.False(action.IsDone);
        Assert.Null(action.CompletedBy);
    }

    [Fact]
    public void CompleteActionItem_BySomeoneElse_IsRefused()
    {
        var (meeting, supportCase, action) = Approved();

        var ex = Assert.Throws<DomainException>(() =>
            meeting.CompleteActionItem(action.Id, new ActionItemSettler(new Actor("u-other", "別機関 職員"), 5, 55), supportCase, AfterTheMinutes));

        Assert.Equal("対応事項の完了・未完了を変更できるのは、担当機関の職員とケースの担当者だけです。", ex.Message);
        Assert.False(action.IsDone);
    }

    [Fact]
    public void CompleteActionItem_Twice_OrReopenAnOpenOne_IsRefused()
    {
        var (meeting, supportCase, action) = Approved();

        var reopen = Assert.Throws<DomainException>(() => meeting.ReopenActionItem(action.Id, Owner, supportCase));
        meeting.CompleteActionItem(action.Id, Owner, supportCase, AfterTheMinutes);
        var twice = Assert.Throws<DomainException>(() => meeting.CompleteActionItem(action.Id, Owner, supportCase, AfterTheMinutes));

        Assert.Equal("この対応事項は未完了です。", reopen.Message);
        Assert.Equal("この対応事項は既に完了しています。", twice.Message);
    }

    [Fact]
    public void CompleteActionItem_ForAnotherCase_IsRefused()
    {
        var (meeting, _, action) = Approved();

        var ex = Assert.Throws<DomainException>(() => meeting.CompleteActionItem(action.Id, Owner, WithId(OpenCase(), 999), AfterTheMinutes));

        Assert.Equal("この対応事項は別のケースのものです。", ex.Message);
    }

    [Fact]
    public void AddActionItem_DueInThePast_IsRefused()
    {
        var meeting = Meeting.Schedule(MeetingKind.MultiLayered, MeetingCadence.AdHoc, Now.AddDays(-3), "相談室", Chair, Chair.Name, 1, Now.AddDays(-4));
        var item = WithId(meeting.AddAgendaItem(WithId(OpenCase(Consent(ConsentStatus.Obtained)), 500), AgendaPurpose.PlanProposal, 15, Now), 1);

        var ex = Assert.Throws<DomainException>(() => meeting.AddActionItem(item.Id, new ActionItemDetails("訪問する", OwnerAgencyId, null, Today.AddDays(-1)), Now));

        HasError(ex, "DueOn", "期限に過去の日付は指定できません。");
    }

    [Fact]
    public void IsOverdueOn_AfterTheDueDate_WhileOpen()
    {
        var (meeting, supportCase, action) = Approved();

        Assert.False(action.IsOverdueOn(action.DueOn));
        Assert.True(action.IsOverdueOn(action.DueOn.AddDays(1)));
        meeting.CompleteActionItem(action.Id, Owner, supportCase, AfterTheMinutes);
        Assert.False(action.IsOverdueOn(action.DueOn.AddDays(1)));
    }

    private static ActionItemSettler Owner => new(new Actor("u-owner", "藤井 由美"), OwnerAgencyId, 31);

    private static (Meeting Meeting, SupportCase Case, ActionItem Action) Approved()
    {
        var supportCase = WithId(OpenCase(Consent(ConsentStatus.Obtained)), 500);
        var meeting = Meeting.Schedule(MeetingKind.MultiLayered, MeetingCadence.Regular, Now.AddDays(7), "市役所 第1会議室", Chair, Chair.Name, 1, Now);
        var item = WithId(meeting.AddAgendaItem(supportCase, AgendaPurpose.InformationSharing, 15, Now), 1);
        var action = WithId(meeting.AddActionItem(item.Id, new ActionItemDetails("家計の状況を確認する", OwnerAgencyId, "藤井", Today.AddDays(21)), Now), 10);
        var after = Now.AddDays(7).AddHours(2);
        meeting.RecordAttendance(Chair.UserId, true, after);
        MinutesCarryBack.Apply(meeting, new Dictionary<int, SupportCase> { [supportCase.Id] = supportCase }, new Dictionary<int, Juso.Domain.Plans.SupportPlan>(),
            new Dictionary<int, Agency>(), Chair, after);
        return (meeting, supportCase, action);
    }
}
