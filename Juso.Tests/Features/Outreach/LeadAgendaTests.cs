using Juso.Domain.Agencies;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Juso.Portal.Common;
using Juso.Portal.Features.Outreach;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Outreach;

/// <summary>A lead on a meeting's agenda: another agency's member sees a lead without consent only through a pledged 支援会議.</summary>
public sealed class LeadAgendaTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private Agency _agencyA = default!;
    private Agency _agencyB = default!;
    private int _leadId;

    private string MemberB => $"u-member-{_agencyB.Id}";

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _agencyA = await _harness.AddAgencyAsync("ひきこもり地域支援センター");
        _agencyB = await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var registered = await _harness.Get<LeadChangeService>(scope).RegisterAsync(new LeadForm
        {
            Description = "○○さん宅の長男（40代）", Address = "ひばり野市東町2丁目", Source = LeadSource.Neighbour, Worry = "外出していない様子。",
            ResponsibleAgencyId = _agencyA.Id, ContactEveryDays = 14,
        });
        _leadId = registered.Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<int> ScheduleAsync(MeetingKind kind)
    {
        await using var db = _harness.NewContext();
        var now = _harness.Time.GetUtcNow();
        var meeting = Meeting.Schedule(kind, MeetingCadence.AdHoc, now.AddDays(3), "相談室", new Actor("u-chair", "石田 美穂"), "石田 美穂", null, now);
        meeting.AddMember(MemberB, "藤井 由美", _agencyB.Id, now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private async Task<SaveResult> AddToAgendaAsync(int meetingId)
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        return await _harness.Get<LeadAgendaService>(scope).AddAsync(_leadId, meetingId);
    }

    private async Task<LeadView?> SeenByMemberBAsync()
    {
        await using var scope = _harness.As(TestUsers.MemberOf(_agencyB.Id, "藤井 由美"));
        return await _harness.Get<LeadService>(scope).GetAsync(_leadId);
    }

    [Fact]
    public async Task LeadWithoutConsent_IsSeenByAnotherAgency_OnlyAfterPledgingForTheSupportMeetingThatHasIt()
    {
        var meetingId = await ScheduleAsync(MeetingKind.Support);
        Assert.True((await AddToAgendaAsync(meetingId)).Succeeded);
        Assert.Null(await SeenByMemberBAsync());

        await using (var db = _harness.NewContext())
        {
            var meeting = await db.Meetings.Include(m => m.Members).SingleAsync(m => m.Id == meetingId);
            meeting.RecordPledge(MemberB, _harness.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }
        var seen = await SeenByMemberBAsync();

        Assert.NotNull(seen);
        Assert.False(seen.CanWork);
        await using var check = _harness.NewContext();
        var item = await check.Meetings.Where(m => m.Id == meetingId).SelectMany(m => m.Agenda).SingleAsync();
        Assert.Equal(AgendaSubject.Lead, item.Subject);
        Assert.Equal($"アウトリーチ対象者 No.{_leadId}", item.TopicTitle);
    }

    [Fact]
    public async Task ReviewMeeting_TakesTheLead_AMultiLayeredMeetingRefusesItWithoutConsent()
    {
        var review = await ScheduleAsync(MeetingKind.OutreachReview);
        var multiLayered = await ScheduleAsync(MeetingKind.MultiLayered);

        var onReview = await AddToAgendaAsync(review);
        var onMultiLayered = await AddToAgendaAsync(multiLayered);
        var twice = await AddToAgendaAsync(review);

        Assert.True(onReview.Succeeded);
        Assert.Equal(Meeting.LeadNeedsConsentMessage, Assert.Single(onMultiLayered.Errors).Message);
        Assert.Equal("この対象者は既に議題にあります。", Assert.Single(twice.Errors).Message);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var meetings = await _harness.Get<LeadAgendaService>(scope).MeetingsAsync(_leadId);
        Assert.Equal([review], meetings.Where(m => m.OnAgenda).Select(m => m.Id));
    }
}
