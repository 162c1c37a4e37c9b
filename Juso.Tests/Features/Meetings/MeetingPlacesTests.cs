using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;

namespace Juso.Tests.Features.Meetings;

/// <summary>会議の場所 is offered from the rooms meetings used before, the most used first.</summary>
public sealed class MeetingPlacesTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Places_AreTheRoomsUsedBefore_MostUsedFirst_EachOnce()
    {
        var now = _harness.Time.GetUtcNow();
        await using (var db = _harness.NewContext())
        {
            foreach (var (place, days) in new[] { ("保健センター 2階", 1), ("市役所 第1会議室", 2), ("市役所 第1会議室", 3), (null, 4) })
            {
                db.Meetings.Add(Meeting.Schedule(MeetingKind.MultiLayered, MeetingCadence.AdHoc, now.AddDays(days), place, new Actor("u-chair", "石田 美穂"), "石田 美穂", null, now));
            }
            await db.SaveChangesAsync();
        }
        await using var scope = _harness.As(TestUsers.Chair());

        var places = await _harness.Get<MeetingScheduleService>(scope).PlacesAsync();

        Assert.Equal(["市役所 第1会議室", "保健センター 2階"], places);
    }
}
