using FsCheck;
using FsCheck.Fluent;
using Juso.Domain.Agencies;
using Juso.Domain.Monitoring;
using Juso.Portal.Features.Monitoring;
using Juso.Portal.Features.Plans;
using Juso.Tests.Support;
using static Juso.Tests.Support.FormEdits;

namespace Juso.Tests.Features.Monitoring;

/// <summary>Hostile monitoring reviews through the real service on SQLite: saved, or refused with nothing half-saved.</summary>
public sealed class MonitoringFormPropertyTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Record_HostileMonitoringForm_SavesOrRefusesWithNothingHalfSaved()
    {
        var steps = new CaseSteps(_harness);
        var lead = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        var caseId = await steps.OpenAsync();
        var planId = await steps.InSupportAsync(caseId, lead.Id, new DateTime(2026, 12, 23));
        int[] goalIds;
        int[] assignmentIds;
        await using (var scope = _harness.As(TestUsers.Coordinator()))
        {
            var plan = (await _harness.Get<PlanService>(scope).PlansAsync(caseId)).Single();
            goalIds = plan.Goals.Select(g => g.Id).ToArray();
            assignmentIds = plan.Assignments.Select(a => a.Id).ToArray();
        }
        Gen<Dictionary<int, TValue>> ById<TValue>(int[] ids, Gen<TValue> values) =>
            Hostile.List(Hostile.Id(ids).SelectMany(id => values.Select(v => (Id: id ?? 0, Value: v))))
                .Select(pairs => pairs.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.Last().Value));
        var input = AnyOf(
            Set<MonitoringForm, DateTime?>("ReviewedOn", Hostile.Date, (f, v) => f.ReviewedOn = v),
            Set<MonitoringForm, string?>("Findings", Hostile.Text, (f, v) => f.Findings = v),
            Set<MonitoringForm, Dictionary<int, GoalProgress>>("GoalProgress", ById(goalIds, Hostile.Enum<GoalProgress>()), (f, v) => f.GoalProgress = v),
            Set<MonitoringForm, Dictionary<int, string?>>("GoalNotes", ById(goalIds, Hostile.Text), (f, v) => f.GoalNotes = v),
            Set<MonitoringForm, Dictionary<int, string?>>("AssignmentNotes", ById(assignmentIds, Hostile.Text), (f, v) => f.AssignmentNotes = v),
            Set<MonitoringForm, DateTime?>("NextDueOn", Hostile.Date, (f, v) => f.NextDueOn = v));
        var outcomes = new FormProperties.Outcomes();

        await FormProperties.CheckAsync(input, async edits =>
        {
            await using var scope = _harness.As(TestUsers.Coordinator());
            var form = edits.ApplyTo(new MonitoringForm
            {
                ReviewedOn = new DateTime(2026, 11, 23), Findings = "家計は安定してきた。", NextDueOn = new DateTime(2027, 2, 23),
                GoalProgress = goalIds.ToDictionary(id => id, _ => GoalProgress.Progressing),
            });
            var version = (await _harness.Get<PlanService>(scope).PlansAsync(caseId)).Single().Version;
            var monitoring = _harness.Get<MonitoringService>(scope);
            outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness, () => monitoring.RecordAsync(caseId, planId, version, form)));
            await monitoring.ReviewsAsync(caseId);
        });
        outcomes.AssertBoth();
    }
}
