using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Infrastructure;

/// <summary>Meetings round-trip through the real migrations; agenda items carry their own concurrency token.</summary>
public sealed class MeetingPersistenceTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Meeting_WithPledgeAndAgenda_IsStoredAndReloaded()
    {
        var meetingId = await MeetingWithTwoItemsAsync();

        await using var db = _harness.NewContext();
        var meeting = await db.Meetings.Include(m => m.Members).Include(m => m.Agenda).SingleAsync(m => m.Id == meetingId);
        Assert.Equal(MeetingKind.Support, meeting.Kind);
        Assert.True(meeting.MasksNames);
        Assert.True(meeting.MayShowCaseDetailsTo("u-member"));
        Assert.False(meeting.MayShowCaseDetailsTo("u-chair"));
        Assert.Equal([1, 2], meeting.Agenda.OrderBy(a => a.Order).Select(a => a.Order));
    }

    [Fact]
    public async Task ReorderingFromTwoStaleCopies_TheSecondSaveIsRefused()
    {
        var meetingId = await MeetingWithTwoItemsAsync();
        await using var a = _harness.NewContext();
        await using var b = _harness.NewContext();
        var ma = await a.Meetings.Include(m => m.Agenda).SingleAsync(m => m.Id == meetingId);
        var mb = await b.Meetings.Include(m => m.Agenda).SingleAsync(m => m.Id == meetingId);
        var second = ma.Agenda.Single(x => x.Order == 2).Id;

        ma.MoveAgendaItem(second, 1, _harness.Time.GetUtcNow());
        mb.MoveAgendaItem(second, 1, _harness.Time.GetUtcNow());
        await a.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
    }

    private async Task<int> MeetingWithTwoItemsAsync()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var intake = _harness.Get<IntakeService>(scope);
        var first = (await intake.OpenCaseAsync(IntakeForms.Valid())).Id;
        var second = (await intake.OpenCaseAsync(IntakeForms.Valid(family: "佐藤", familyKana: "サトウ"))).Id;
        var now = _harness.Time.GetUtcNow();
        await using var db = _harness.NewContext();
        var meeting = Meeting.Schedule(MeetingKind.Support, MeetingCadence.AdHoc, now.AddDays(3), "第1会議室", new Actor("u-chair", "石田 美穂"), "石田 美穂", null, now);
        meeting.AddMember("u-member", "藤井 由美", null, now);
        meeting.RecordPledge("u-member", now);
        foreach (var id in new[] { first, second })
        {
            meeting.AddAgendaItem(await db.Cases.SingleAsync(c => c.Id == id), AgendaPurpose.InformationSharing, 15, now);
        }
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }
}
