using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Meetings;

public class MeetingLifecycleTests
{
    private static readonly Actor Chair = new("u-chair", "石田 美穂");

    private static int _nextId = 500;

    [Fact]
    public void Reschedule_MovesDateAndPlace_AndRefusesAnEndedOrCancelledMeeting()
    {
        var meeting = At(2026, 12, 9, 14);
        var newTime = new DateTimeOffset(2026, 12, 16, 10, 0, 0, JapanDate.Offset);

        meeting.Reschedule(newTime, "市役所 第2会議室", Now);

        Assert.Equal(newTime.UtcDateTime, meeting.ScheduledAt);
        Assert.Equal("市役所 第2会議室", meeting.Place);
        var missing = Assert.Throws<DomainException>(() => meeting.Reschedule(null, null, Now));
        Assert.Contains(missing.Errors, e => e.Message == "開催日時を入力してください。");

        meeting.End(Chair.UserId, newTime.AddHours(2));
        Assert.Throws<DomainException>(() => meeting.Reschedule(newTime.AddDays(7), null, Now));
        Assert.Throws<DomainException>(() => meeting.Cancel("都合により", Now));
    }

    [Fact]
    public void Cancel_RefusesFurtherChanges_AndTheReferenceSaysSo()
    {
        var meeting = At(2026, 12, 9, 14);

        meeting.Cancel("議長の急病のため", Now);

        Assert.True(meeting.IsCancelled);
        Assert.EndsWith("（中止）", meeting.Reference);
        var refused = Assert.Throws<DomainException>(() => meeting.AddMember("u-member", "藤井 由美", 2, Now));
        Assert.Equal(Meeting.CancelledMessage, refused.Message);
        Assert.Throws<DomainException>(() => meeting.Reschedule(Now.AddDays(10), null, Now));
    }

    [Fact]
    public void Renumber_ACancelledMeeting_NoLongerCounts_AndTheLaterOnesMoveUp()
    {
        var may = At(2026, 5, 13, 14);
        var june = At(2026, 6, 10, 14);
        var july = At(2026, 7, 8, 14);
        MeetingNumbering.Renumber([may, june, july], Now);

        june.Cancel(null, Now);
        MeetingNumbering.Renumber([may, june, july], Now);

        Assert.Equal((1, 2), (may.Number, july.Number));
        Assert.Equal("令和8年度第2回重層的支援会議（中止）", june.Reference);
    }

    [Fact]
    public void Reschedule_IntoTheNextFiscalYear_LeavesNoGapBehind_AndTakesItsPlaceInTheNewYear()
    {
        var february = At(2027, 2, 10, 14);
        var march = At(2027, 3, 10, 14);
        var april = At(2027, 4, 14, 14);
        MeetingNumbering.Renumber([february, march], Now);
        MeetingNumbering.Renumber([april], Now);

        february.Reschedule(new DateTimeOffset(2027, 4, 7, 14, 0, 0, JapanDate.Offset), null, Now);
        MeetingNumbering.Renumber([march], Now);
        MeetingNumbering.Renumber([april, february], Now);

        Assert.Equal("令和8年度第1回重層的支援会議", march.Reference);
        Assert.Equal("令和9年度第1回重層的支援会議", february.Reference);
        Assert.Equal("令和9年度第2回重層的支援会議", april.Reference);
    }

    [Fact]
    public void End_OnlyByTheChair_StopsTheBoard_AndTheMinutesCanBeApproved()
    {
        var meeting = At(2026, 11, 20, 14);
        var during = new DateTimeOffset(2026, 11, 20, 15, 0, 0, JapanDate.Offset);

        Assert.Throws<DomainException>(() => meeting.End("u-member", during));
        meeting.End(Chair.UserId, during);

        Assert.True(meeting.IsEnded);
        Assert.Null(meeting.CurrentAgendaItemId);
        Assert.Throws<DomainException>(() => meeting.End(Chair.UserId, during));
        meeting.RecordAttendance(Chair.UserId, true, during);
        Approve(meeting, during.AddMinutes(5));
        Assert.True(meeting.IsMinutesApproved);
    }

    [Fact]
    public void End_BeforeThePlannedStart_HeldEarlier_TakesTheTimeItReallyStarted_SoTheMinutesCanBeApprovedThatDay()
    {
        var supportCase = WithId(OpenCase(Consent(ConsentStatus.Obtained)), 77);
        var meeting = At(2026, 11, 27, 14);
        var item = WithId(meeting.AddAgendaItem(supportCase, AgendaPurpose.InformationSharing, 10, Now), 1);
        var startedEarly = new DateTimeOffset(2026, 11, 25, 10, 0, 0, JapanDate.Offset);
        meeting.RecordAttendance(Chair.UserId, true, startedEarly);
        Assert.Throws<DomainException>(() => Approve(meeting, startedEarly.AddHours(1)));

        meeting.StartItem(item.Id, startedEarly);
        meeting.End(Chair.UserId, startedEarly.AddHours(1));

        Assert.Equal(startedEarly.UtcDateTime, meeting.ScheduledAt);
        Assert.Equal(new DateOnly(2026, 11, 25), meeting.HeldOn);
        Approve(meeting, startedEarly.AddHours(1).AddMinutes(5));
        Assert.True(meeting.IsMinutesApproved);
    }

    [Fact]
    public void StartItem_AfterTheEnd_IsRefused()
    {
        var supportCase = WithId(OpenCase(Consent(ConsentStatus.Obtained)), 77);
        var meeting = At(2026, 11, 20, 14);
        var item = WithId(meeting.AddAgendaItem(supportCase, AgendaPurpose.InformationSharing, 10, Now), 1);
        meeting.End(Chair.UserId, new DateTimeOffset(2026, 11, 20, 15, 0, 0, JapanDate.Offset));

        Assert.Throws<DomainException>(() => meeting.StartItem(item.Id, Now));
    }

    [Theory]
    [InlineData(14, 0, 60, 14, 30, 60, true)]
    [InlineData(14, 0, 60, 15, 0, 60, false)]
    [InlineData(14, 0, 90, 15, 0, 60, true)]
    [InlineData(16, 0, 60, 14, 0, 60, false)]
    public void Overlaps_TwoBookings_ShareAMinuteOrNot(int hourA, int minuteA, int lengthA, int hourB, int minuteB, int lengthB, bool overlaps)
    {
        var day = new DateTime(2026, 12, 9, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(overlaps, Meeting.Overlaps(day.AddHours(hourA).AddMinutes(minuteA), lengthA, day.AddHours(hourB).AddMinutes(minuteB), lengthB));
        Assert.Equal(60, Meeting.BookedMinutesOf(25));
    }

    private static void Approve(Meeting meeting, DateTimeOffset now) =>
        MinutesCarryBack.Apply(meeting, new Dictionary<int, SupportCase>(), new Dictionary<int, Juso.Domain.Plans.SupportPlan>(),
            new Dictionary<int, Juso.Domain.Agencies.Agency>(), Chair, now);

    private static Meeting At(int year, int month, int day, int hour) =>
        WithId(Meeting.Schedule(MeetingKind.MultiLayered, MeetingCadence.Regular, new DateTimeOffset(year, month, day, hour, 0, 0, JapanDate.Offset), "市役所 第1会議室",
            Chair, Chair.Name, 1, Now), Interlocked.Increment(ref _nextId));
}
