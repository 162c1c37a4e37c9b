using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Meetings;

public class MeetingNumberingTests
{
    private static readonly Actor Chair = new("u-chair", "石田 美穂");

    private static int _nextId = 100;

    [Fact]
    public void Renumber_MeetingsOfAYear_AreNumberedInTheOrderTheyAreHeld()
    {
        var june = Held(MeetingKind.MultiLayered, 2026, 6, 10);
        var may = Held(MeetingKind.MultiLayered, 2026, 5, 13);
        var july = Held(MeetingKind.MultiLayered, 2026, 7, 8);

        MeetingNumbering.Renumber([june, may, july], Now);

        Assert.Equal((1, 2, 3), (may.Number, june.Number, july.Number));
        Assert.Equal("令和8年度第2回重層的支援会議", june.Reference);
    }

    [Fact]
    public void Reference_CountsPerKindAndPerFiscalYear_WhichStartsInApril()
    {
        var march = Held(MeetingKind.MultiLayered, 2027, 3, 10);
        var april = Held(MeetingKind.MultiLayered, 2027, 4, 14);
        var support = Held(MeetingKind.Support, 2027, 3, 11);

        MeetingNumbering.Renumber([march], Now);
        MeetingNumbering.Renumber([april], Now);
        MeetingNumbering.Renumber([support], Now);

        Assert.Equal("令和8年度第1回重層的支援会議", march.Reference);
        Assert.Equal("令和9年度第1回重層的支援会議", april.Reference);
        Assert.Equal("令和8年度第1回支援会議", support.Reference);
    }

    [Fact]
    public void Renumber_AMeetingAddedEarlierInTheYear_MovesTheLaterOnesUp()
    {
        var june = Held(MeetingKind.Support, 2026, 6, 10);
        var july = Held(MeetingKind.Support, 2026, 7, 8);
        MeetingNumbering.Renumber([june, july], Now);
        var adHocInMay = Held(MeetingKind.Support, 2026, 5, 20);

        MeetingNumbering.Renumber([june, july, adHocInMay], Now);

        Assert.Equal((1, 2, 3), (adHocInMay.Number, june.Number, july.Number));
    }

    [Fact]
    public void Renumber_AMeetingWhoseMinutesAreApproved_KeepsItsNumber_AndALateOneTakesTheNextFreeNumber()
    {
        var may = Held(MeetingKind.MultiLayered, 2026, 5, 13);
        var june = Held(MeetingKind.MultiLayered, 2026, 6, 10);
        var july = Held(MeetingKind.MultiLayered, 2026, 7, 8);
        MeetingNumbering.Renumber([may, june, july], Now);
        ApproveMinutes(may);
        ApproveMinutes(june);
        var recordedLate = Held(MeetingKind.MultiLayered, 2026, 5, 27);

        MeetingNumbering.Renumber([may, june, july, recordedLate], Now);

        Assert.Equal((1, 2), (may.Number, june.Number));
        Assert.Equal((3, 4), (recordedLate.Number, july.Number));
    }

    [Fact]
    public void Renumber_AHeldMeetingNotYetApproved_StaysBeforeALaterApprovedOne()
    {
        var may = Held(MeetingKind.MultiLayered, 2026, 5, 13);
        var june = Held(MeetingKind.MultiLayered, 2026, 6, 10);
        MeetingNumbering.Renumber([may, june], Now);
        ApproveMinutes(june);
        var recordedLate = Held(MeetingKind.MultiLayered, 2026, 5, 27);

        MeetingNumbering.Renumber([may, june, recordedLate], Now);

        Assert.Equal((1, 2), (may.Number, june.Number));
        Assert.Equal(3, recordedLate.Number);
    }

    [Fact]
    public void Renumber_MeetingsOfTwoKinds_IsRefused()
    {
        Assert.Throws<ArgumentException>(() =>
            MeetingNumbering.Renumber([Held(MeetingKind.MultiLayered, 2026, 5, 13), Held(MeetingKind.Support, 2026, 5, 14)], Now));
    }

    private static Meeting Held(MeetingKind kind, int year, int month, int day) =>
        WithId(Meeting.Schedule(kind, MeetingCadence.Regular, new DateTimeOffset(year, month, day, 14, 0, 0, JapanDate.Offset), "市役所 第1会議室", Chair, Chair.Name, 1, Now),
            Interlocked.Increment(ref _nextId));

    private static void ApproveMinutes(Meeting meeting)
    {
        var after = new DateTimeOffset(meeting.ScheduledAt, TimeSpan.Zero).AddHours(3);
        meeting.RecordAttendance(Chair.UserId, true, after);
        MinutesCarryBack.Apply(meeting, new Dictionary<int, SupportCase>(), new Dictionary<int, Juso.Domain.Plans.SupportPlan>(),
            new Dictionary<int, Juso.Domain.Agencies.Agency>(), Chair, after);
    }
}
