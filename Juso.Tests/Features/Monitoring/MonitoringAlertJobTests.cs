using Juso.Domain.Cases;
using Juso.Domain.Notifications;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Monitoring;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Monitoring;

/// <summary>The monitoring reminder jobs on SQLite with a fake clock (2026-11-23 10:00 JST): who is told what, and never twice.</summary>
public sealed partial class MonitoringAlertJobTests : IAsyncLifetime
{
    private AlertWorld _world = default!;

    public async Task InitializeAsync() => _world = await AlertWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task DueSoon_RemindsTheCoordinatorOnce_WithTheCaseNumberButNoName()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(4));
        var number = await _world.CaseNumberAsync(caseId);

        var first = await _world.Get<RemindDueMonitoringJob>().RunAsync(CancellationToken.None);
        var second = await _world.Get<RemindDueMonitoringJob>().RunAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var reminder = Assert.Single(await _world.NotificationsAsync());
        Assert.Equal((NotificationKind.MonitoringDueSoon, AlertWorld.CoordinatorId, caseId), (reminder.Kind, reminder.RecipientUserId, reminder.CaseId));
        Assert.Contains(number, reminder.Body);
        Assert.Contains("4日後", reminder.Body);
        Assert.DoesNotContain(AlertWorld.PrincipalFamilyName, reminder.Title + reminder.Body);
        Assert.Equal($"/cases/{caseId}", reminder.Link);
        Assert.Equal([reminder.Id], _world.Mail.Enqueued);
    }

    [Fact]
    public async Task DueSoon_FurtherAheadThanTheSetting_IsNotYetReminded()
    {
        await _world.CaseWithActivePlanAsync(_world.Today.AddDays(20));

        Assert.Equal(0, await _world.Get<RemindDueMonitoringJob>().RunAsync(CancellationToken.None));
        Assert.Equal(0, await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Overdue_AlertsTheCoordinatorAndTheLeadAgencysSupervisor()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(2));
        _world.Harness.Time.Advance(TimeSpan.FromDays(5));

        var raised = await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);

        Assert.Equal(2, raised);
        var alerts = await _world.NotificationsAsync(NotificationKind.MonitoringOverdue);
        Assert.Equal([AlertWorld.CoordinatorId, AlertWorld.SupervisorId], alerts.Select(a => a.RecipientUserId).Order());
        Assert.All(alerts, a => Assert.Equal((caseId, 1, new DateOnly(2026, 11, 25)), (a.CaseId!.Value, a.Level, a.DueOn)));
        Assert.All(alerts, a => Assert.Contains("3日過ぎています", a.Body));
        Assert.All(alerts, a => Assert.Null(a.Reason));
        // The coordinator's mail goes at once; the supervisor's waits for the daily digest.
        Assert.Equal(MailState.Pending, alerts.Single(a => a.RecipientUserId == AlertWorld.CoordinatorId).MailState);
        Assert.Equal(MailState.Held, alerts.Single(a => a.RecipientUserId == AlertWorld.SupervisorId).MailState);
        Assert.Equal([alerts.Single(a => a.RecipientUserId == AlertWorld.CoordinatorId).Id], _world.Mail.Enqueued);
    }

    [Fact]
    public async Task Overdue_AfterTheGracePeriod_RaisesOneEscalatedAlert_AndRunningAgainRaisesNothing()
    {
        await _world.CaseWithActivePlanAsync(_world.Today.AddDays(2));
        var job = _world.Get<AlertOverdueMonitoringJob>();
        _world.Harness.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(2, await job.RunAsync(CancellationToken.None));
        _world.Harness.Time.Advance(TimeSpan.FromDays(12));
        Assert.Equal(0, await job.RunAsync(CancellationToken.None));

        _world.Harness.Time.Advance(TimeSpan.FromDays(2));
        var escalated = await job.RunAsync(CancellationToken.None);
        var again = await job.RunAsync(CancellationToken.None);

        Assert.Equal(2, escalated);
        Assert.Equal(0, again);
        var alerts = await _world.NotificationsAsync(NotificationKind.MonitoringOverdue);
        Assert.Equal([1, 1, 2, 2], alerts.Select(a => a.Level).Order());
        Assert.All(alerts.Where(a => a.Level == 2), a => Assert.StartsWith("【再通知】", a.Title));
        Assert.All(alerts.Where(a => a.Level == 2), a => Assert.Contains("15日が過ぎ", a.Body));
    }

    [Fact]
    public async Task AlreadyReviewed_RaisesNoOverdueAlert()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(2));
        await using (var scope = _world.Harness.As(TestUsers.Coordinator()))
        {
            var monitoring = _world.Harness.Get<MonitoringService>(scope);
            await using var db = _world.Harness.NewContext();
            var plan = await db.Plans.SingleAsync(p => p.SupportCaseId == caseId);
            var result = await monitoring.RecordAsync(caseId, plan.Id, plan.Version, new MonitoringForm
            {
                ReviewedOn = new DateTime(2026, 11, 23), Findings = "家計相談を継続中", NextDueOn = new DateTime(2027, 1, 25),
            });
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        }
        _world.Harness.Time.Advance(TimeSpan.FromDays(10));

        Assert.Equal(0, await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None));
        Assert.Empty(await _world.NotificationsAsync());
    }

    [Fact]
    public async Task WithdrawnConsent_StopsThePlan_AndRaisesNoAlert()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(2));
        await using (var scope = _world.Harness.As(TestUsers.Coordinator()))
        {
            var cases = _world.Harness.Get<CaseService>(scope);
            var result = await cases.RecordConsentAsync(caseId, (await cases.GetAsync(caseId))!.Version,
                new ConsentForm { Status = ConsentStatus.Withdrawn, Date = new DateTime(2026, 11, 23), Method = ConsentMethod.Verbal, Note = "電話で撤回の申し出" });
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        }
        _world.Harness.Time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None));
        Assert.Equal(0, await _world.Get<RemindDueMonitoringJob>().RunAsync(CancellationToken.None));
        Assert.Empty(await _world.NotificationsAsync());
    }

    [Fact]
    public async Task ClosedCase_RaisesNoAlert_ThoughItsLastPlanWasNeverReviewed()
    {
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(2));
        await _world.CloseCaseAsync(caseId);
        _world.Harness.Time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None));
        Assert.Empty(await _world.NotificationsAsync());
    }

    [Fact]
    public async Task NoCoordinator_AndLeadWithoutSupervisor_AlertTheAdministrator_SayingWhy()
    {
        var otherLead = await _world.Harness.AddAgencyAsync("東部地域包括支援センター");
        await _world.CaseWithActivePlanAsync(_world.Today.AddDays(1), withCoordinator: false, lead: otherLead);
        _world.Harness.Time.Advance(TimeSpan.FromDays(3));

        Assert.Equal(1, await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None));

        var alert = Assert.Single(await _world.NotificationsAsync());
        Assert.Equal(AlertWorld.AdministratorId, alert.RecipientUserId);
        Assert.Contains("コーディネーターが設定されていない", alert.Reason);
        Assert.Contains("主担当機関（東部地域包括支援センター）にスーパーバイザーがいない", alert.Reason);
        Assert.Equal(MailState.Pending, alert.MailState);
    }

    [Fact]
    public async Task LeadWithoutSupervisor_TheCoordinatorsOwnSupervisorIsTold_NotTheAdministrator()
    {
        var otherLead = await _world.Harness.AddAgencyAsync("東部地域包括支援センター");
        await _world.CaseWithActivePlanAsync(_world.Today.AddDays(1), lead: otherLead);
        _world.Harness.Time.Advance(TimeSpan.FromDays(3));

        await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);

        var alerts = await _world.NotificationsAsync();
        Assert.Equal([AlertWorld.CoordinatorId, AlertWorld.SupervisorId], alerts.Select(a => a.RecipientUserId).Order());
        Assert.All(alerts, a => Assert.Null(a.Reason));
    }

    [Fact]
    public async Task SwitchedOff_RaisesNothing()
    {
        await _world.CaseWithActivePlanAsync(_world.Today.AddDays(2));
        await SaveSettingsAsync(f => f.OverdueEnabled = false);
        _world.Harness.Time.Advance(TimeSpan.FromDays(5));

        Assert.Equal(0, await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None));
    }

    private async Task SaveSettingsAsync(Action<Juso.Portal.Features.Admin.ReminderSettingsForm> change)
    {
        await using var scope = _world.Harness.As(TestUsers.Administrator());
        var service = _world.Harness.Get<Juso.Portal.Features.Admin.ReminderSettingsService>(scope);
        var form = await service.GetAsync();
        change(form);
        var result = await service.SaveAsync(form);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
    }
}
