using Bunit;
using Juso.Domain.Agencies;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Meetings;

/// <summary>The home's 対応事項: a 検討テーマ's item reaches the owner agency, links to the meeting, and is marked done and open again there.</summary>
public sealed class MyActionItemsTests : PortalComponentTest
{
    private int _meetingId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var now = PortalHarness.Start;
        await using var db = NewContext();
        var owner = Agency.Create("東部地域包括支援センター", AgencyField.Elderly, AgencyOperation.Contracted, null, now);
        db.Agencies.Add(owner);
        await db.SaveChangesAsync();
        var meeting = Meeting.Schedule(MeetingKind.Support, MeetingCadence.AdHoc, now.AddDays(-1), "相談室", new Actor("u-chair", "石田 美穂"), "石田 美穂", null, now.AddDays(-2));
        var item = meeting.AddTopicItem("送迎ボランティアの不足", null, AgendaPurpose.ResourceGaps, 15, now.AddDays(-2));
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        meeting.AddActionItem(item.Id, new ActionItemDetails("送迎の担い手を社協と相談する", owner.Id, null, JapanDate.Today(now).AddDays(14)), now.AddDays(-2));
        await db.SaveChangesAsync();
        _meetingId = meeting.Id;
        Auth.User = TestUsers.MemberOf(owner.Id);
    }

    [Fact]
    public async Task TopicItem_ShowsItsTitleLinkingTheMeeting_AndTheOwnerCompletesThenReopensIt()
    {
        var home = Render<MyActionItems>();
        home.WaitForAssertion(() => Assert.Equal("送迎ボランティアの不足", home.Find($"a[href='/meetings/{_meetingId}/board']").TextContent));

        await home.Find("button[aria-label='送迎の担い手を社協と相談するを完了にする']").ClickAsync(new MouseEventArgs());

        home.WaitForAssertion(() => Assert.Equal("完了", home.Find("[data-testid=home-action-item-state]").TextContent.Trim()));
        await using (var db = NewContext())
        {
            Assert.NotNull((await db.Meetings.SelectMany(m => m.ActionItems).SingleAsync()).CompletedAt);
        }

        await home.Find("button[aria-label='送迎の担い手を社協と相談するを未完了に戻す']").ClickAsync(new MouseEventArgs());

        home.WaitForAssertion(() => Assert.NotNull(home.Find("button[aria-label='送迎の担い手を社協と相談するを完了にする']")));
        await using var after = NewContext();
        Assert.Null((await after.Meetings.SelectMany(m => m.ActionItems).SingleAsync()).CompletedAt);
    }
}
