using FsCheck;
using FsCheck.Fluent;
using Juso.Domain.Agencies;
using Juso.Domain.Meetings;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Plans;
using Juso.Tests.Features.Plans;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Juso.Tests.Support.FormEdits;

namespace Juso.Tests.Features.Meetings;

/// <summary>
/// Hostile input through the meeting, agenda and board forms into the real services on SQLite: saved, or refused
/// with Japanese messages and nothing half-saved.
/// </summary>
public sealed class MeetingFormPropertyTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private CaseSteps _steps = default!;
    private Agency _lead = default!;
    private MemberOption _chair = default!;
    private int _caseId;
    private int _meetingId;
    private int _itemId;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _steps = new CaseSteps(_harness);
        _lead = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        _chair = await _harness.AddStaffUserAsync("u-chair", "石田 美穂", _lead);
        _caseId = await _steps.OpenAsync();
        await _steps.DraftAsync(_caseId, _lead.Id);
        await using var scope = _harness.As(TestUsers.Chair());
        var meetings = _harness.Get<MeetingService>(scope);
        _meetingId = CaseSteps.Ok(await meetings.ScheduleAsync(ValidMeeting())).Id;
        await using var coordinator = _harness.As(TestUsers.Coordinator());
        var option = (await _harness.Get<MeetingService>(coordinator).FindCasesAsync(null)).Single();
        _itemId = CaseSteps.Ok(await _harness.Get<MeetingService>(coordinator).AddAgendaItemAsync(_meetingId,
            new AgendaItemForm { Case = option, Purpose = AgendaPurpose.PlanProposal, Minutes = 15 })).Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private MeetingForm ValidMeeting() => new()
    {
        Kind = MeetingKind.MultiLayered, Cadence = MeetingCadence.Regular, Date = new DateTime(2026, 11, 30), Time = new TimeSpan(14, 0, 0), Place = "第1会議室", Chair = _chair,
    };

    [Fact]
    public async Task Schedule_HostileMeetingForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var chair = Gen.Elements<MemberOption?>(null, _chair, _chair with { UserId = "u-nobody" }, _chair with { Name = "\ud800", AgencyId = int.MaxValue });
        var input = AnyOf(
            Set<MeetingForm, MeetingKind>("Kind", Hostile.Enum<MeetingKind>(), (f, v) => f.Kind = v),
            Set<MeetingForm, MeetingCadence>("Cadence", Hostile.Enum<MeetingCadence>(), (f, v) => f.Cadence = v),
            Set<MeetingForm, DateTime?>("Date", Hostile.Date, (f, v) => f.Date = v),
            Set<MeetingForm, TimeSpan?>("Time", Hostile.TimeOfDay, (f, v) => f.Time = v),
            Set<MeetingForm, string?>("Place", Hostile.Text, (f, v) => f.Place = v),
            Set<MeetingForm, MemberOption?>("Chair", chair, (f, v) => f.Chair = v));
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(input, async edits =>
        {
            await using var scope = _harness.As(TestUsers.Chair());
            var meetings = _harness.Get<MeetingService>(scope);
            var result = outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => meetings.ScheduleAsync(edits.ApplyTo(ValidMeeting()))));
            if (result.Succeeded)
            {
                Assert.NotEqual(MeetingAccess.Denied, (await meetings.OpenAsync(result.Id)).Access);
                await meetings.SuggestionsAsync(result.Id);
            }
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task AddAgendaItem_HostileAgendaItemForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var others = new[] { await _steps.OpenAsync("佐藤", "サトウ"), await _steps.OpenAsync("鈴木", "スズキ") };
        await using var setup = _harness.As(TestUsers.Coordinator());
        var options = (await _harness.Get<MeetingService>(setup).FindCasesAsync(null)).Where(o => others.Contains(o.CaseId)).ToList();
        var caseOption = Gen.Frequency(
            (1, Gen.Constant<CaseOption?>(null)),
            (4, Gen.Elements(options.ToArray()).Select(o => (CaseOption?)o)),
            (1, Hostile.Id().Select(id => (CaseOption?)new CaseOption(id ?? 0, "2026-9999", "\u0000", true))));
        var input = AnyOf(
            Set<AgendaItemForm, CaseOption?>("Case", caseOption, (f, v) => f.Case = v),
            Set<AgendaItemForm, AgendaPurpose>("Purpose", Hostile.Enum<AgendaPurpose>(), (f, v) => f.Purpose = v),
            Set<AgendaItemForm, int>("Minutes", Hostile.Number, (f, v) => f.Minutes = v));
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(input, async edits =>
        {
            await using var scope = _harness.As(TestUsers.Coordinator());
            var meetings = _harness.Get<MeetingService>(scope);
            var form = edits.ApplyTo(new AgendaItemForm { Case = options[0], Purpose = AgendaPurpose.Monitoring, Minutes = 10 });
            var result = outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => meetings.AddAgendaItemAsync(_meetingId, form)));
            if (result.Succeeded)
            {
                // Back off the agenda so that the next input can add the case again.
                CaseSteps.Ok(await meetings.RemoveAgendaItemAsync(_meetingId, result.Id));
            }
            await meetings.OpenAsync(_meetingId);
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task RecordDecision_HostileText_SavesOrRefusesWithNothingHalfSaved()
    {
        var input =
            from itemId in Hostile.Id(_itemId, _itemId, _itemId)
            from text in Hostile.Text
            select (ItemId: itemId ?? 0, Text: text);
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(input, async value =>
        {
            await using var scope = _harness.As(TestUsers.Chair());
            var board = _harness.Get<MeetingBoardService>(scope);
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => board.RecordDecisionAsync(_meetingId, value.ItemId, value.Text)));
            await board.OpenAsync(_meetingId);
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task AddActionItem_HostileActionItemForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var input = AnyOf(
            Set<ActionItemForm, string?>("Text", Hostile.Text, (f, v) => f.Text = v),
            Set<ActionItemForm, int?>("OwnerAgencyId", Hostile.Id(_lead.Id), (f, v) => f.OwnerAgencyId = v),
            Set<ActionItemForm, string?>("OwnerPerson", Hostile.Text, (f, v) => f.OwnerPerson = v),
            Set<ActionItemForm, DateTime?>("DueOn", Hostile.Date, (f, v) => f.DueOn = v));
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(input, async edits =>
        {
            await using var scope = _harness.As(TestUsers.Chair());
            var board = _harness.Get<MeetingBoardService>(scope);
            var form = edits.ApplyTo(new ActionItemForm { Text = "家計の状況を確認する", OwnerAgencyId = _lead.Id, DueOn = new DateTime(2026, 12, 15) });
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => board.AddActionItemAsync(_meetingId, _itemId, form)));
            await board.OpenAsync(_meetingId);
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task BoardAssignment_HostileAssignmentForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var outcomes = new FormProperties.Outcomes();
        await FormProperties.CheckAsync(PlanFormPropertyTests.AssignmentEdits(_lead.Id), async edits =>
        {
            await using var scope = _harness.As(TestUsers.Chair());
            var board = _harness.Get<MeetingBoardService>(scope);
            var form = edits.ApplyTo(CaseSteps.Assignment(_lead.Id, "見守り"));
            var assignment = (await _harness.Get<PlanService>(scope).PlansAsync(_caseId)).Single().Assignments[0];
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => edits.Items.Count % 2 == 0
                ? board.AddAssignmentAsync(_meetingId, _itemId, form)
                : board.UpdateAssignmentAsync(_meetingId, _itemId, assignment.Id, assignment.Version, form)));
            await board.OpenAsync(_meetingId);
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task AddMember_HostileMemberOption_SavesOrRefusesWithNothingHalfSaved()
    {
        var partner = await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly);
        var member = await _harness.AddStaffUserAsync("u-member", "藤井 由美", partner);
        var option = Gen.Frequency(
            (2, Gen.Constant<MemberOption?>(member)),
            (1, Gen.Constant<MemberOption?>(null)),
            (1, Gen.Constant<MemberOption?>(_chair)),
            (2, Hostile.Text.SelectMany(text => Hostile.Id(partner.Id).Select(id => (MemberOption?)new MemberOption(text ?? "", text ?? "", id, text)))));
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(option, async value =>
        {
            await using var scope = _harness.As(TestUsers.Chair());
            var meetings = _harness.Get<MeetingService>(scope);
            var result = outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => meetings.AddMemberAsync(_meetingId, value)));
            if (result.Succeeded && value!.UserId != _chair.UserId)
            {
                // Back to the chair alone, so that the next input can add the member again.
                CaseSteps.Ok(await meetings.RemoveMemberAsync(_meetingId, value.UserId));
            }
        }, cases: 100);
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task Schedule_ChairOptionWithUnknownAgency_TakesTheStoredChairInsteadOfFailingTheSave()
    {
        // Regression: the service saved the chair's name and agency as the circuit sent them; an unknown agency
        // failed the foreign key and the DbUpdateException escaped.
        await using var scope = _harness.As(TestUsers.Chair());
        var meetings = _harness.Get<MeetingService>(scope);
        var form = ValidMeeting();
        form.Chair = _chair with { Name = "偽名", AgencyId = int.MaxValue };

        var result = await meetings.ScheduleAsync(form);

        Assert.True(result.Succeeded);
        Assert.Equal("石田 美穂", (await meetings.OpenAsync(result.Id)).Meeting!.ChairName);
    }

    [Fact]
    public async Task Schedule_DateInYearOne_IsAnsweredInsteadOfThrowing()
    {
        // Regression: 0001-01-01 14:00 in Japan was turned into a DateTimeOffset before the first one representable.
        await using var scope = _harness.As(TestUsers.Chair());
        var form = ValidMeeting();
        form.Date = DateTime.MinValue;
        form.Time = TimeSpan.Zero;

        await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => _harness.Get<MeetingService>(scope).ScheduleAsync(form));
    }
}
