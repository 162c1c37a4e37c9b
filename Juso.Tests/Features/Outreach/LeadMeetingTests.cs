using System.Collections.Concurrent;
using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Outreach;
using Juso.Portal.Features.Community;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Outreach;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Features.Outreach;

/// <summary>
/// A lead in meetings (issue 14's gaps): the agenda builder per kind, the アウトリーチプラン on the board under
/// LeadConfidentiality, open boards told of changes from the lead page, consent withdrawn, and places linked to leads.
/// </summary>
public sealed class LeadMeetingTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private Agency _responsible = default!;
    private Agency _source = default!;
    private Agency _other = default!;
    private int _leadId;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _responsible = await _harness.AddAgencyAsync("ひきこもり地域支援センター");
        _source = await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly);
        _other = await _harness.AddAgencyAsync("子ども家庭支援センター", AgencyField.Children);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var registered = await _harness.Get<LeadChangeService>(scope).RegisterAsync(new LeadForm
        {
            Description = "○○さん宅の長男（40代）", Address = "ひばり野市東町2丁目", Source = LeadSource.Agency, SourceAgencyId = _source.Id,
            Worry = "外出していない様子。", ResponsibleAgencyId = _responsible.Id, ContactEveryDays = 14,
        });
        _leadId = CaseSteps.Ok(registered).Id;
        CaseSteps.Ok(await _harness.Get<OutreachPlanService>(scope).DraftAsync(_leadId, registered.Version,
            new OutreachPlanForm { Goal = "玄関先で話せる関係をつくる", Approach = "2週間ごとに同じ職員が訪問し、置き手紙を残す" }));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<int> ScheduleAsync(MeetingKind kind)
    {
        await using var db = _harness.NewContext();
        var now = _harness.Time.GetUtcNow();
        var meeting = Meeting.Schedule(kind, MeetingCadence.AdHoc, now.AddDays(3), "相談室", new Actor("u-chair", "石田 美穂"), "石田 美穂", null, now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private async Task ConsentAsync()
    {
        await using var db = _harness.NewContext();
        var lead = await db.OutreachLeads.SingleAsync(l => l.Id == _leadId);
        var now = _harness.Time.GetUtcNow();
        lead.AdvanceTo(LeadStage.Contacted, anyAttemptReachedPerson: true, now);
        lead.RecordConsent(JapanDate.Today(now), ConsentMethod.Written, now);
        await db.SaveChangesAsync();
    }

    private async Task<BoardItem> BoardItemAsync(int meetingId)
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var (_, meeting) = await _harness.Get<MeetingService>(scope).ReloadAsync(meetingId);
        return Assert.Single(meeting!.Items);
    }

    /// <summary>What the open boards of the meeting are told, as a board's circuit hears it.</summary>
    private IDisposable Listen(int meetingId, ConcurrentQueue<string> heard) =>
        _harness.Services.GetRequiredService<MeetingBoardNotifier>().Subscribe(meetingId, change =>
        {
            if (change is not null)
            {
                heard.Enqueue(change.Label);
            }
            return Task.CompletedTask;
        });

    private static async Task HeardAsync(ConcurrentQueue<string> heard, string label)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!heard.Contains(label))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Open boards were not told 「{label}」; they heard: {string.Join("、", heard)}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task ReviewMeetingBuilder_OffersTheLeadNotCases_AddsIt_BoardsHear_AndTheBoardShowsItsPlan()
    {
        var review = await ScheduleAsync(MeetingKind.OutreachReview);
        var heard = new ConcurrentQueue<string>();
        using var listening = Listen(review, heard);
        await using var scope = _harness.As(TestUsers.Coordinator());
        var meetings = _harness.Get<MeetingService>(scope);

        var offered = await meetings.FindLeadsAsync(review, "長男");
        var byNumber = await meetings.FindLeadsAsync(review, $"No.{_leadId}");
        var suggestions = await meetings.SuggestionsAsync(review);
        var added = await meetings.AddLeadItemAsync(review, new AgendaLeadForm { Lead = Assert.Single(offered), Purpose = AgendaPurpose.InformationSharing, Minutes = 20 });

        Assert.Equal(_leadId, Assert.Single(byNumber).LeadId);
        Assert.Empty(suggestions);
        CaseSteps.Ok(added);
        await HeardAsync(heard, "議題に追加");
        Assert.Empty(await meetings.FindLeadsAsync(review, null));
        var item = await BoardItemAsync(review);
        Assert.Equal($"アウトリーチ対象者 No.{_leadId}", item.Name);
        var plan = item.Lead!.Plan!;
        Assert.Equal(("玄関先で話せる関係をつくる", "2週間ごとに同じ職員が訪問し、置き手紙を残す", "案"), (plan.Goal, plan.Approach, plan.Status));
        Assert.Equal((LeadStage.NotContacted, 14, false), (item.Lead.Stage, item.Lead.ContactEveryDays, item.Lead.Withheld));
        await using var db = _harness.NewContext();
        var audit = await db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.Action == AuditAction.MeetingChanged);
        Assert.Contains(AuditEntry.Mentions(_leadId), audit.LeadIds);
    }

    [Fact]
    public async Task LeadPageRoute_AddingToTheAgendaAndApprovingThePlan_ReachOpenBoards()
    {
        var support = await ScheduleAsync(MeetingKind.Support);
        var heard = new ConcurrentQueue<string>();
        using var listening = Listen(support, heard);
        await using var scope = _harness.As(TestUsers.Coordinator());

        CaseSteps.Ok(await _harness.Get<LeadAgendaService>(scope).AddAsync(_leadId, support));
        await HeardAsync(heard, "議題に追加");
        var lead = (await _harness.Get<LeadService>(scope).GetAsync(_leadId))!;
        CaseSteps.Ok(await _harness.Get<OutreachPlanService>(scope).DraftAsync(_leadId, lead.Version,
            new OutreachPlanForm { Goal = "本人と電話で話す", Approach = "母を通じて電話の約束をする" }));

        await HeardAsync(heard, "アウトリーチ対象者の変更");
        Assert.Equal(2, (await BoardItemAsync(support)).Lead!.Plan!.Number);
    }

    [Fact]
    public async Task PlanOnTheBoard_IsReadOnlyByThoseTheLeadRuleAllows_EachReadAudited()
    {
        var review = await ScheduleAsync(MeetingKind.OutreachReview);

        bool coordinator, responsible, other;
        await using (var scope = _harness.As(TestUsers.Coordinator()))
        {
            coordinator = await _harness.Get<LeadService>(scope).MayReadInMeetingAsync(_leadId, review);
        }
        await using (var scope = _harness.As(TestUsers.MemberOf(_responsible.Id)))
        {
            responsible = await _harness.Get<LeadService>(scope).MayReadInMeetingAsync(_leadId, review);
        }
        await using (var scope = _harness.As(TestUsers.MemberOf(_other.Id)))
        {
            other = await _harness.Get<LeadService>(scope).MayReadInMeetingAsync(_leadId, review);
        }

        Assert.Equal((true, true, false), (coordinator, responsible, other));
        await using var db = _harness.NewContext();
        var denied = await db.AuditEntries.SingleAsync(a => a.UserId == $"u-member-{_other.Id}");
        Assert.Equal(AuditAction.AccessDenied, denied.Action);
        Assert.Equal(AuditEntry.Mentions(_leadId), denied.LeadIds);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.LeadViewed && a.Detail!.Contains($"会議 {review}")));
    }

    [Fact]
    public async Task ConsentWithdrawn_SourceAgencyLosesSight_MultiLayeredBoardWithholdsThePlan_AndItIsAudited()
    {
        await ConsentAsync();
        var multiLayered = await ScheduleAsync(MeetingKind.MultiLayered);
        await using (var scope = _harness.As(TestUsers.Coordinator()))
        {
            var meetings = _harness.Get<MeetingService>(scope);
            CaseSteps.Ok(await meetings.AddLeadItemAsync(multiLayered, new AgendaLeadForm { Lead = Assert.Single(await meetings.FindLeadsAsync(multiLayered, null)) }));
        }
        Assert.NotNull((await BoardItemAsync(multiLayered)).Lead!.Plan);
        Assert.NotNull(await SourceSeesAsync());

        await using (var scope = _harness.As(TestUsers.Coordinator()))
        {
            var lead = (await _harness.Get<LeadService>(scope).GetAsync(_leadId))!;
            var stale = await _harness.Get<LeadChangeService>(scope).WithdrawConsentAsync(_leadId, lead.Version - 1,
                new LeadConsentForm { ConsentOn = JapanDate.Today(_harness.Time.GetUtcNow()).ToDateTime(TimeOnly.MinValue), ConsentMethod = ConsentMethod.Verbal });
            Assert.False(stale.Succeeded);
            CaseSteps.Ok(await _harness.Get<LeadChangeService>(scope).WithdrawConsentAsync(_leadId, lead.Version,
                new LeadConsentForm { ConsentOn = JapanDate.Today(_harness.Time.GetUtcNow()).ToDateTime(TimeOnly.MinValue), ConsentMethod = ConsentMethod.Verbal }));
            Assert.Empty(await _harness.Get<MeetingService>(scope).FindLeadsAsync(await ScheduleAsync(MeetingKind.MultiLayered), null));
            var after = (await _harness.Get<LeadService>(scope).GetAsync(_leadId))!;
            Assert.Equal((LeadStage.Relationship, ConsentMethod.Verbal), (after.Stage, after.ConsentWithdrawnMethod));
        }

        Assert.Null(await SourceSeesAsync());
        var item = await BoardItemAsync(multiLayered);
        Assert.True(item.Lead!.Withheld);
        Assert.Null(item.Lead.Plan);
        await using var db = _harness.NewContext();
        var audit = await db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.Action == AuditAction.LeadStageChanged);
        Assert.StartsWith("本人同意の撤回", audit.Detail);
        Assert.Equal(AuditEntry.Mentions(_leadId), audit.LeadIds);
    }

    private async Task<LeadView?> SourceSeesAsync()
    {
        await using var scope = _harness.As(TestUsers.MemberOf(_source.Id));
        return await _harness.Get<LeadService>(scope).GetAsync(_leadId);
    }

    [Fact]
    public async Task PlaceReferral_LinksALead_NamedOnlyToThoseWhoMaySeeIt()
    {
        int placeId;
        await using (var scope = _harness.As(TestUsers.Coordinator()))
        {
            var community = _harness.Get<CommunityService>(scope);
            var created = CaseSteps.Ok(await community.CreateAsync(new PlaceForm { Name = "ひばりの家", Organiser = "社会福祉協議会" }));
            placeId = created.Id;
            var lead = Assert.Single(await community.FindLeadsAsync("長男"));
            CaseSteps.Ok(await community.RecordReferralAsync(placeId, created.Version, new ReferralForm
            {
                On = JapanDate.Today(_harness.Time.GetUtcNow()).ToDateTime(TimeOnly.MinValue), Lead = lead, Note = "常連の方から",
            }));
            var shown = Assert.Single((await community.GetAsync(placeId))!.Referrals);
            Assert.Equal((_leadId, $"アウトリーチ対象者 No.{_leadId} ○○さん宅の長男（40代）"), (shown.LeadId, shown.LeadLabel));
        }
        await using (var scope = _harness.As(TestUsers.MemberOf(_other.Id)))
        {
            var shown = Assert.Single((await _harness.Get<CommunityService>(scope).GetAsync(placeId))!.Referrals);
            Assert.Equal((null, "（閲覧権限のない対象者）"), (shown.LeadId, shown.LeadLabel));
        }
    }
}
