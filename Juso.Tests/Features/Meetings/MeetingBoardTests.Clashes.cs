using Juso.Domain.Meetings;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;

namespace Juso.Tests.Features.Meetings;

/// <summary>A double booking is warned when a meeting is first scheduled, by the same check as a move (issue 12 item 3).</summary>
public sealed partial class MeetingBoardTests
{
    [Fact]
    public async Task ScheduleNew_ChairMemberOrRoomBookedAtAnOverlappingTime_IsWarned_ALaterHourIsNot()
    {
        await ScheduleAsync(MeetingKind.MultiLayered);
        var other = await _harness.AddStaffUserAsync("u-other", "大野 健", _partner);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var schedule = _harness.Get<MeetingScheduleService>(scope);
        MeetingForm At(int hour, int minute, MemberOption chair, string place) => new()
        {
            Kind = MeetingKind.Support, Date = new DateTime(2026, 11, 30), Time = new TimeSpan(hour, minute, 0), Chair = chair, Place = place,
        };

        var chairTwice = await schedule.ClashesOfNewAsync(At(14, 30, _chair, "相談室"));
        var memberTwice = await schedule.ClashesOfNewAsync(At(14, 30, _member, "相談室"));
        var sameRoom = await schedule.ClashesOfNewAsync(At(14, 30, other, "第１会議室"));
        var later = await schedule.ClashesOfNewAsync(At(15, 0, _chair, "第1会議室"));

        Assert.Equal(["石田 美穂"], Assert.Single(chairTwice).People);
        Assert.Equal(["藤井 由美"], Assert.Single(memberTwice).People);
        Assert.Equal("第1会議室", Assert.Single(sameRoom).Place);
        Assert.Empty(Assert.Single(sameRoom).People);
        Assert.Empty(later);
    }
}
