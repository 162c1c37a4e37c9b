using Juso.Domain.Notifications;
using Juso.Portal.Features.Monitoring;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Features.Monitoring;

/// <summary>Runs that overlap, stop halfway or hold mails for the supervisor's digest: each alert and each mail once.</summary>
public sealed partial class MonitoringAlertJobTests
{
    [Fact]
    public async Task TwoRunsAtOnce_FromTwoThreads_RaiseEachAlertOnce_AndQueueEachMailOnce()
    {
        const int cases = 12;
        for (var i = 0; i < cases; i++)
        {
            await _world.CaseWithActivePlanAsync(_world.Today.AddDays(1));
        }
        _world.Harness.Time.Advance(TimeSpan.FromDays(4));
        using var start = new Barrier(2);

        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var job = _world.Get<AlertOverdueMonitoringJob>();
            start.SignalAndWait();
            return await job.RunAsync(CancellationToken.None);
        })).ToList();
        var raised = await Task.WhenAll(runs);

        Assert.Equal(cases * 2, raised.Sum());
        var alerts = await _world.NotificationsAsync();
        Assert.Equal(cases * 2, alerts.Count);
        Assert.Equal(alerts.Count, alerts.Select(a => a.Key).Distinct().Count());
        Assert.Equal(cases, _world.Mail.Enqueued.Count);
        Assert.Equal(cases, _world.Mail.Enqueued.Distinct().Count());
    }

    [Fact]
    public async Task ARunStoppedHalfway_TheNextRunRaisesOnlyWhatIsMissing()
    {
        for (var i = 0; i < 4; i++)
        {
            await _world.CaseWithActivePlanAsync(_world.Today.AddDays(1));
        }
        _world.Harness.Time.Advance(TimeSpan.FromDays(3));
        await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);
        var all = await _world.NotificationsAsync();
        // As if the process had been killed after committing only the first cases' alerts.
        var lost = all.Where(a => a.CaseId > all.Min(x => x.CaseId) + 1).Select(a => a.Id).ToList();
        await using (var db = _world.Harness.NewContext())
        {
            await db.Notifications.Where(n => lost.Contains(n.Id)).ExecuteDeleteAsync();
        }

        var raised = await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);

        Assert.Equal(lost.Count, raised);
        var after = await _world.NotificationsAsync();
        Assert.Equal(all.Select(a => a.Key).Order(KeyOrder.Instance), after.Select(a => a.Key).Order(KeyOrder.Instance));
    }

    [Fact]
    public async Task Digest_ManyOverdueCases_OneDigestForTheSupervisor_OnceADay()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add(await _world.CaseNumberAsync(await _world.CaseWithActivePlanAsync(_world.Today.AddDays(1))));
        }
        _world.Harness.Time.Advance(TimeSpan.FromDays(3));
        await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);
        var coordinatorMails = _world.Mail.Enqueued.Count;

        var first = await _world.Get<SendSupervisorDigestJob>().RunAsync(CancellationToken.None);
        var second = await _world.Get<SendSupervisorDigestJob>().RunAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first, second));
        var digest = Assert.Single(await _world.NotificationsAsync(NotificationKind.SupervisorDigest));
        Assert.Equal(AlertWorld.SupervisorId, digest.RecipientUserId);
        Assert.Equal("モニタリング期限切れのまとめ（3件）", digest.Title);
        Assert.All(numbers, n => Assert.Contains(n, digest.Body));
        Assert.DoesNotContain(AlertWorld.PrincipalFamilyName, digest.Body);
        var supervisorAlerts = (await _world.NotificationsAsync(NotificationKind.MonitoringOverdue)).Where(a => a.RecipientUserId == AlertWorld.SupervisorId).ToList();
        Assert.Equal(3, supervisorAlerts.Count);
        Assert.All(supervisorAlerts, a => Assert.Equal(MailState.Digested, a.MailState));
        Assert.Equal(coordinatorMails + 1, _world.Mail.Enqueued.Count);
        Assert.Equal(digest.Id, _world.Mail.Enqueued.Last());
    }

    [Fact]
    public async Task Digest_FewOverdueCases_SendsTheHeldMailsOneByOne()
    {
        await _world.CaseWithActivePlanAsync(_world.Today.AddDays(1));
        _world.Harness.Time.Advance(TimeSpan.FromDays(3));
        await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);

        Assert.Equal(0, await _world.Get<SendSupervisorDigestJob>().RunAsync(CancellationToken.None));

        Assert.Empty(await _world.NotificationsAsync(NotificationKind.SupervisorDigest));
        var supervisorAlert = (await _world.NotificationsAsync()).Single(a => a.RecipientUserId == AlertWorld.SupervisorId);
        Assert.Equal(MailState.Pending, supervisorAlert.MailState);
        Assert.Contains(supervisorAlert.Id, _world.Mail.Enqueued);
    }

    [Fact]
    public async Task MailNeverQueued_BecauseARunStoppedAfterItsCommit_IsQueuedByTheNextRun()
    {
        await _world.CaseWithActivePlanAsync(_world.Today.AddDays(1));
        _world.Harness.Time.Advance(TimeSpan.FromDays(3));
        await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);
        var id = Assert.Single(_world.Mail.Enqueued);
        // As if the process died between saving the alert and queueing its mail.
        await using (var db = _world.Harness.NewContext())
        {
            await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailQueuedAt, (DateTime?)null));
        }

        Assert.Equal(0, await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None));

        Assert.Equal([id, id], _world.Mail.Enqueued);
    }

    private sealed class KeyOrder : IComparer<NotificationKey>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(NotificationKey x, NotificationKey y) =>
            string.CompareOrdinal($"{x.Kind}|{x.SubjectId:D9}|{x.DueOn:O}|{x.RecipientUserId}|{x.Level}", $"{y.Kind}|{y.SubjectId:D9}|{y.DueOn:O}|{y.RecipientUserId}|{y.Level}");
    }
}
