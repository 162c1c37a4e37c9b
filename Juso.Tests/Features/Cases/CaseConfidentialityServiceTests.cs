using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Cases;
using Juso.Domain.Meetings;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Documents;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Plans;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Juso.Tests.Support.CaseSteps;

namespace Juso.Tests.Features.Cases;

/// <summary>
/// A case whose consent was withdrawn, with a partner agency assigned while it had consent, on a 支援会議's agenda:
/// the partner's member sees nothing of it from any service until they pledge for that meeting (art. 106-6,
/// docs/adr/0013). A second case never had consent; no agency joins it but through a pledged member on the board.
/// </summary>
public sealed class CaseConfidentialityServiceTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private CaseSteps _steps = default!;
    private Agency _lead = default!;
    private Agency _partner = default!;
    private Agency _newcomer = default!;
    private int _caseId;
    private int _noConsentCaseId;
    private int _householdId;
    private int _meetingId;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _steps = new CaseSteps(_harness);
        _lead = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        _partner = await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly);
        _newcomer = await _harness.AddAgencyAsync("こども家庭センター", AgencyField.Children);
        _caseId = await _steps.OpenAsync();
        await using (var coordinator = _harness.As(TestUsers.Coordinator()))
        {
            var cases = _harness.Get<CaseService>(coordinator);
            Ok(await cases.InvolveAgencyAsync(_caseId, await _steps.CaseVersionAsync(_caseId), _partner.Id));
            Ok(await cases.RecordConsentAsync(_caseId, await _steps.CaseVersionAsync(_caseId),
                new ConsentForm { Status = ConsentStatus.Withdrawn, Date = new DateTime(2026, 11, 21), Method = ConsentMethod.Written }));
        }
        _noConsentCaseId = await _steps.OpenAsync("佐藤", "サトウ", consent: false);
        await _steps.DraftAsync(_noConsentCaseId, _lead.Id);
        await using var db = _harness.NewContext();
        _householdId = await db.Cases.Where(c => c.Id == _caseId).Select(c => c.HouseholdId).SingleAsync();
        _meetingId = await ScheduleSupportMeetingAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private System.Security.Claims.ClaimsPrincipal Partner() => TestUsers.MemberOf(_partner.Id, "藤井 由美");

    [Fact]
    public async Task EveryRoute_UnpledgedMemberOfAnotherAgency_GetsNothing_AndIsAudited()
    {
        await using var scope = _harness.As(Partner());

        Assert.Null(await _harness.Get<CaseService>(scope).GetAsync(_caseId));
        Assert.Null(await _harness.Get<HouseholdService>(scope).GetAsync(_householdId));
        Assert.Equal(0, (await _harness.Get<CaseService>(scope).SearchAsync(new CaseSearch(Text: "山田"), 0, 20)).TotalCount);
        Assert.Equal(0, (await _harness.Get<CaseService>(scope).SearchAsync(new CaseSearch(), 0, 20)).TotalCount);
        Assert.Null(await _harness.Get<AgendaPrintService>(scope).PreviewAsync(_meetingId, null));
        Assert.Null((await _harness.Get<MeetingBoardService>(scope).OpenAsync(_meetingId)).Board);
        Assert.Empty(await _harness.Get<PlanService>(scope).PlansAsync(_caseId));

        await using var db = _harness.NewContext();
        var denials = await db.AuditEntries.Where(a => a.UserId == $"u-member-{_partner.Id}" && a.Action == AuditAction.AccessDenied).ToListAsync();
        Assert.Contains(denials, a => a.CaseId == _caseId);
        Assert.Contains(denials, a => a.HouseholdId == _householdId);
    }

    [Fact]
    public async Task EveryRoute_OncePledgedForTheSupportMeeting_ShowsTheCase()
    {
        await using var scope = _harness.As(Partner());
        Ok(await _harness.Get<MeetingService>(scope).PledgeAsync(_meetingId));

        Assert.NotNull(await _harness.Get<CaseService>(scope).GetAsync(_caseId));
        Assert.NotNull(await _harness.Get<HouseholdService>(scope).GetAsync(_householdId));
        Assert.Equal(1, (await _harness.Get<CaseService>(scope).SearchAsync(new CaseSearch(Text: "山田"), 0, 20)).TotalCount);
        Assert.NotNull(await _harness.Get<AgendaPrintService>(scope).PreviewAsync(_meetingId, null));
    }

    [Fact]
    public async Task CaseWithConsent_AssignedAgencyMember_StillSeesIt()
    {
        var withConsent = await _steps.OpenAsync("鈴木", "スズキ");
        await using (var coordinator = _harness.As(TestUsers.Coordinator()))
        {
            Ok(await _harness.Get<CaseService>(coordinator).InvolveAgencyAsync(withConsent, await _steps.CaseVersionAsync(withConsent), _partner.Id));
        }
        await using var scope = _harness.As(Partner());

        Assert.NotNull(await _harness.Get<CaseService>(scope).GetAsync(withConsent));
    }

    [Fact]
    public async Task PlanTab_CoordinatorInvolvingANewAgencyInACaseWithoutConsent_IsRefused()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var plans = _harness.Get<PlanService>(scope);
        var plan = (await plans.PlansAsync(_noConsentCaseId)).Single();

        var result = await plans.AddAssignmentAsync(_noConsentCaseId, plan.Id, plan.Version, Assignment(_newcomer.Id, "子どもの見守り"));
        var involve = await _harness.Get<CaseService>(scope).InvolveAgencyAsync(_noConsentCaseId, await _steps.CaseVersionAsync(_noConsentCaseId), _newcomer.Id);

        Assert.Equal(AgencyInvolvement.NeedsSupportMeetingMessage, Assert.Single(result.Errors).Message);
        Assert.Equal(AgencyInvolvement.NeedsSupportMeetingMessage, Assert.Single(involve.Errors).Message);
        await using var db = _harness.NewContext();
        Assert.False(await db.CaseAgencies.AnyAsync(a => a.AgencyId == _newcomer.Id));
    }

    [Fact]
    public async Task Board_UnpledgedMemberInvolvingAnAgency_IsRefused_PledgedMemberInvolvesIt()
    {
        await using var scope = _harness.As(Partner());
        var board = _harness.Get<MeetingBoardService>(scope);
        var itemId = await NoConsentItemAsync();

        var before = await board.AddAssignmentAsync(_meetingId, itemId, Assignment(_newcomer.Id, "子どもの見守り"));
        Ok(await _harness.Get<MeetingService>(scope).PledgeAsync(_meetingId));
        var withoutAgency = await board.AddAssignmentAsync(_meetingId, itemId, WithoutAgency());
        var after = await board.AddAssignmentAsync(_meetingId, itemId, Assignment(_newcomer.Id, "子どもの見守り"));

        Assert.False(before.Succeeded);
        Assert.False(withoutAgency.Succeeded);
        Ok(after);
        await using var db = _harness.NewContext();
        Assert.True(await db.CaseAgencies.AnyAsync(a => a.AgencyId == _newcomer.Id));
    }

    [Fact]
    public async Task AgendaPrint_OfAMultiLayeredMeeting_ShowsNoNameOfACaseWhoseConsentWasWithdrawn()
    {
        var caseId = await _steps.OpenAsync("鈴木", "スズキ");
        await using var coordinator = _harness.As(TestUsers.Coordinator());
        var meetings = _harness.Get<MeetingService>(coordinator);
        var meetingId = Ok(await meetings.ScheduleAsync(new MeetingForm
        {
            Kind = MeetingKind.MultiLayered, Cadence = MeetingCadence.Regular, Date = new DateTime(2026, 11, 30), Time = new TimeSpan(10, 0, 0), Place = "第2会議室",
            Chair = new MemberOption("u-chair", "石田 美穂", _lead.Id, _lead.Name),
        })).Id;
        var option = (await meetings.FindCasesAsync(null)).Single(o => o.CaseId == caseId);
        Ok(await meetings.AddAgendaItemAsync(meetingId, new AgendaItemForm { Case = option, Purpose = AgendaPurpose.PlanProposal, Minutes = 15 }));
        var before = (await _harness.Get<AgendaPrintService>(coordinator).PreviewAsync(meetingId, false))!.Document.Items.Single().Household;
        Ok(await _harness.Get<CaseService>(coordinator).RecordConsentAsync(caseId, await _steps.CaseVersionAsync(caseId),
            new ConsentForm { Status = ConsentStatus.Withdrawn, Date = new DateTime(2026, 11, 21), Method = ConsentMethod.Written }));

        var after = (await _harness.Get<AgendaPrintService>(coordinator).PreviewAsync(meetingId, false))!.Document.Items.Single().Household;

        Assert.StartsWith("鈴木", before);
        Assert.Equal(BoardSnapshots.WithoutConsent, after);
    }

    /// <summary>A 支援会議 chaired by u-chair with the partner's member (not yet pledged) and the case on its agenda.</summary>
    private async Task<int> ScheduleSupportMeetingAsync()
    {
        var chair = await _harness.AddStaffUserAsync("u-chair", "石田 美穂", _lead);
        var member = await _harness.AddStaffUserAsync($"u-member-{_partner.Id}", "藤井 由美", _partner);
        await using var scope = _harness.As(TestUsers.Chair());
        var meetings = _harness.Get<MeetingService>(scope);
        var id = Ok(await meetings.ScheduleAsync(new MeetingForm
        {
            Kind = MeetingKind.Support, Cadence = MeetingCadence.AdHoc, Date = new DateTime(2026, 11, 30), Time = new TimeSpan(14, 0, 0), Place = "第1会議室", Chair = chair,
        })).Id;
        Ok(await meetings.AddMemberAsync(id, member));
        await using var coordinator = _harness.As(TestUsers.Coordinator());
        foreach (var caseId in new[] { _caseId, _noConsentCaseId })
        {
            var option = (await _harness.Get<MeetingService>(coordinator).FindCasesAsync(null)).Single(o => o.CaseId == caseId);
            Ok(await _harness.Get<MeetingService>(coordinator).AddAgendaItemAsync(id, new AgendaItemForm { Case = option, Purpose = AgendaPurpose.PlanProposal, Minutes = 15 }));
        }
        return id;
    }

    private static AssignmentForm WithoutAgency()
    {
        var form = Assignment(0, "子どもの見守り");
        form.AgencyId = null;
        return form;
    }

    private async Task<int> NoConsentItemAsync()
    {
        await using var db = _harness.NewContext();
        return await db.Meetings.Where(m => m.Id == _meetingId).SelectMany(m => m.Agenda).Where(a => a.SupportCaseId == _noConsentCaseId).Select(a => a.Id).SingleAsync();
    }
}
