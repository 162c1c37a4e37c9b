using FsCheck;
using FsCheck.Fluent;
using Juso.Domain.Agencies;
using Juso.Domain.Plans;
using Juso.Portal.Features.Plans;
using Juso.Tests.Support;
using static Juso.Tests.Support.FormEdits;

namespace Juso.Tests.Features.Plans;

/// <summary>Hostile input through the plan editor into the real plan service on SQLite: saved, or refused with nothing half-saved.</summary>
public sealed class PlanFormPropertyTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;
    private CaseSteps _steps = default!;
    private Agency _lead = default!;
    private Agency _inactive = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync();
        _steps = new CaseSteps(_harness);
        _lead = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        _inactive = await _harness.AddAgencyAsync("旧センター", active: false);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    internal static Gen<Edits<AssignmentForm>> AssignmentEdits(params int[] agencyIds) => AnyOf(
        Set<AssignmentForm, int?>("AgencyId", Hostile.Id(agencyIds), (f, v) => f.AgencyId = v),
        Set<AssignmentForm, string?>("PersonInCharge", Hostile.Text, (f, v) => f.PersonInCharge = v),
        Set<AssignmentForm, string?>("Task", Hostile.Text, (f, v) => f.Task = v),
        Set<AssignmentForm, string?>("Frequency", Hostile.Text, (f, v) => f.Frequency = v),
        Set<AssignmentForm, AssignmentStatus>("Status", Hostile.Enum<AssignmentStatus>(), (f, v) => f.Status = v),
        Set<AssignmentForm, DateTime?>("StartOn", Hostile.Date, (f, v) => f.StartOn = v),
        Set<AssignmentForm, DateTime?>("EndOn", Hostile.Date, (f, v) => f.EndOn = v));

    [Fact]
    public async Task ReviseDraft_HostilePlanDraftForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var caseId = await _steps.OpenAsync();
        var planId = await _steps.DraftAsync(caseId, _lead.Id, complete: false);
        var goal =
            from term in Hostile.Enum<GoalTerm>()
            from text in Hostile.Text
            select new GoalForm { Term = term, Text = text };
        var input = AnyOf(
            Set<PlanDraftForm, List<GoalForm>>("Goals", Hostile.List(goal), (f, v) => f.Goals = v),
            Set<PlanDraftForm, int?>("LeadAgencyId", Hostile.Id(_lead.Id, _inactive.Id), (f, v) => f.LeadAgencyId = v),
            Set<PlanDraftForm, bool>("UsesParticipationSupport", Hostile.Bool, (f, v) => f.UsesParticipationSupport = v),
            Set<PlanDraftForm, bool>("UsesOutreach", Hostile.Bool, (f, v) => f.UsesOutreach = v),
            Set<PlanDraftForm, int>("MonitoringIntervalDays", Hostile.Number, (f, v) => f.MonitoringIntervalDays = v));
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(input, async edits =>
        {
            await using var scope = _harness.As(TestUsers.Coordinator());
            var plans = _harness.Get<PlanService>(scope);
            var form = edits.ApplyTo(new PlanDraftForm
            {
                Goals = [new GoalForm { Term = GoalTerm.LongTerm, Text = "地域で暮らし続ける" }], LeadAgencyId = _lead.Id, MonitoringIntervalDays = 60,
            });
            var version = (await plans.PlansAsync(caseId)).Single().Version;
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => plans.ReviseDraftAsync(caseId, planId, version, form)));
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task AddAssignment_HostileAssignmentForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var caseId = await _steps.OpenAsync();
        var planId = await _steps.DraftAsync(caseId, _lead.Id, complete: false);
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(AssignmentEdits(_lead.Id, _inactive.Id), async edits =>
        {
            await using var scope = _harness.As(TestUsers.Coordinator());
            var plans = _harness.Get<PlanService>(scope);
            var form = edits.ApplyTo(CaseSteps.Assignment(_lead.Id, "家計相談"));
            var version = (await plans.PlansAsync(caseId)).Single().Version;
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => plans.AddAssignmentAsync(caseId, planId, version, form)));
            await plans.PlansAsync(caseId);
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task UpdateAssignment_HostileAssignmentForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var caseId = await _steps.OpenAsync();
        var planId = await _steps.DraftAsync(caseId, _lead.Id);
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(AssignmentEdits(_lead.Id, _inactive.Id), async edits =>
        {
            await using var scope = _harness.As(TestUsers.Coordinator());
            var plans = _harness.Get<PlanService>(scope);
            var assignment = (await plans.PlansAsync(caseId)).Single().Assignments[0];
            var form = edits.ApplyTo(CaseSteps.Assignment(_lead.Id, "家計相談"));
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness,
                () => plans.UpdateAssignmentAsync(caseId, planId, assignment.Id, assignment.Version, form)));
        });
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task StartSupport_HostileDates_SaveOrRefuseWithNothingHalfSaved()
    {
        // Approval has no form of its own any more (a meeting's minutes approve a plan); the start of support does.
        var input =
            from startOn in Hostile.Date
            from firstDue in Hostile.Date
            select (StartOn: startOn, FirstMonitoringDue: firstDue);
        var caseId = 0;
        var planId = 0;
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(input, async value =>
        {
            if (caseId == 0)
            {
                // A plan that went into support is used up; the next input starts from a new approved plan.
                caseId = await _steps.OpenAsync();
                planId = await _steps.DraftAsync(caseId, _lead.Id);
                CaseSteps.Ok(await _steps.ApproveAtMeetingAsync(caseId));
            }
            await using var scope = _harness.As(TestUsers.Coordinator());
            var plans = _harness.Get<PlanService>(scope);
            var caseVersion = await _steps.CaseVersionAsync(caseId);
            var started = outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness,
                () => plans.StartSupportAsync(caseId, caseVersion, planId, value.StartOn, value.FirstMonitoringDue)));
            if (started.Succeeded)
            {
                caseId = 0;
            }
        }, cases: 60);
        outcomes.AssertBoth();
    }

    [Fact]
    public async Task StartSupport_StartOnLastDaysOfCalendarWithoutFirstDue_IsSavedWithDueOnLastDayInsteadOfThrowing()
    {
        // Regression: the first monitoring date was start + interval, which overflowed DateOnly for a start in 9999.
        var caseId = await _steps.OpenAsync();
        var planId = await _steps.DraftAsync(caseId, _lead.Id);
        CaseSteps.Ok(await _steps.ApproveAtMeetingAsync(caseId));
        await using var scope = _harness.As(TestUsers.Coordinator());
        var plans = _harness.Get<PlanService>(scope);

        var result = await plans.StartSupportAsync(caseId, await _steps.CaseVersionAsync(caseId), planId, new DateTime(9999, 12, 30), null);

        Assert.True(result.Succeeded);
        Assert.Equal(DateOnly.MaxValue, (await plans.PlansAsync(caseId)).Single().NextMonitoringDue);
    }
}
