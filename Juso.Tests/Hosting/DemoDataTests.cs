using Juso.Domain.Meetings;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Outreach;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Hosting;

/// <summary>The demo municipality ひばり野市 as ./run.sh seeds it, read through the real portal.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task DemoData_OutreachReview_PutsTwoLeadsWithTheirPlansOnTheBoard_AndTheEastMemberReadsOnlyTheirOwn()
    {
        using var portal = new PortalServer();
        int reviewId;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync())
        {
            reviewId = await db.Meetings.Where(m => m.Kind == MeetingKind.OutreachReview).Select(m => m.Id).SingleAsync();
        }

        await using var chair = await portal.SignedInScopeAsync("chair");
        var (access, board) = await chair.ServiceProvider.GetRequiredService<MeetingBoardService>().OpenAsync(reviewId);
        await using var east = await portal.SignedInScopeAsync("member.east");
        var leads = east.ServiceProvider.GetRequiredService<LeadService>();
        var readable = new List<bool>();
        foreach (var item in board!.Items)
        {
            readable.Add(await leads.MayReadInMeetingAsync(item.Lead!.LeadId, reviewId));
        }

        Assert.Equal(MeetingAccess.Allowed, access);
        Assert.False(board.IsMinutesApproved);
        Assert.Equal(["協議済み", "案"], board.Items.Select(i => i.Lead!.Plan!.Status));
        Assert.Equal([false, true], readable);
    }
}
