using Juso.Domain.Notifications;
using Juso.Infrastructure.Messaging;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Monitoring;
using Juso.Portal.Features.Notifications;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Juso.Tests.Features.Notifications;

/// <summary>The mail of an alert: written once, with the case number and link and no name; an SMTP failure loses nothing.</summary>
public sealed class SendNotificationMailJobTests : IAsyncLifetime
{
    private AlertWorld _world = default!;
    private int _alertId;
    private string _number = string.Empty;

    public async Task InitializeAsync()
    {
        _world = await AlertWorld.CreateAsync();
        var caseId = await _world.CaseWithActivePlanAsync(_world.Today.AddDays(1));
        _number = await _world.CaseNumberAsync(caseId);
        _world.Harness.Time.Advance(TimeSpan.FromDays(3));
        await _world.Get<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);
        _alertId = Assert.Single(_world.Mail.Enqueued);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task FolderSender_WritesOneMessage_WithCaseNumberAndLink_AndNoName_EvenWhenTheJobRunsTwice()
    {
        var job = _world.Get<SendNotificationMailJob>();

        await job.RunAsync(_alertId, CancellationToken.None);
        await job.RunAsync(_alertId, CancellationToken.None);

        var folder = ((FolderMailSender)_world.Get<IMailSender>()).Folder;
        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal($"{AlertWorld.CoordinatorId}@hibarino.example", message.To.Mailboxes.Single().Address);
        Assert.Contains(_number, message.Subject);
        Assert.Contains(_number, message.TextBody);
        Assert.Contains("http://localhost:5080/cases/", message.TextBody);
        Assert.DoesNotContain(AlertWorld.PrincipalFamilyName, message.Subject + message.TextBody);
        Assert.Equal(MailState.Sent, (await AlertAsync()).MailState);
    }

    [Fact]
    public async Task SmtpDown_TheJobFails_TheAlertStaysInThePortal_AndTheRetrySendsIt()
    {
        var failing = new FlakySender { FailuresLeft = 1 };
        var job = new SendNotificationMailJob(_world.Get<IDbContextFactory<JusoDbContext>>(), failing, _world.Get<MailOptions>(), _world.Harness.Time,
            NullLogger<SendNotificationMailJob>.Instance);

        await Assert.ThrowsAsync<IOException>(() => job.RunAsync(_alertId, CancellationToken.None));
        var afterFailure = await AlertAsync();
        Assert.Equal((MailState.Pending, null, false), (afterFailure.MailState, afterFailure.MailClaimedAt, afterFailure.IsRead));

        await job.RunAsync(_alertId, CancellationToken.None);

        Assert.Single(failing.Sent);
        Assert.Equal(MailState.Sent, (await AlertAsync()).MailState);
    }

    [Fact]
    public async Task ASecondSender_WhileTheFirstIsSending_DoesNotSendAgain()
    {
        var sender = new FlakySender { Gate = new TaskCompletionSource() };
        SendNotificationMailJob NewJob() => new(_world.Get<IDbContextFactory<JusoDbContext>>(), sender, _world.Get<MailOptions>(), _world.Harness.Time,
            NullLogger<SendNotificationMailJob>.Instance);

        var first = Task.Run(() => NewJob().RunAsync(_alertId, CancellationToken.None));
        await sender.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await NewJob().RunAsync(_alertId, CancellationToken.None);
        sender.Gate.SetResult();
        await first;

        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task DuplicateKey_IsRecognisedAsAUniqueViolation()
    {
        var existing = await AlertAsync();
        await using var db = _world.Harness.NewContext();
        db.Notifications.Add(Notification.Raise(existing.Key, existing.CaseId, "重複", "重複", "/", null, MailState.None, _world.Harness.Time.GetUtcNow()));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(error.IsUniqueViolation());
    }

    private async Task<Notification> AlertAsync()
    {
        await using var db = _world.Harness.NewContext();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == _alertId);
    }

    private sealed class FlakySender : IMailSender
    {
        public int FailuresLeft { get; set; }

        /// <summary>When set, sending waits for it (after signalling <see cref="Entered"/>), like a slow SMTP server.</summary>
        public TaskCompletionSource? Gate { get; init; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<OutgoingMail> Sent { get; } = [];

        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            if (Gate is not null)
            {
                await Gate.Task.WaitAsync(cancellationToken);
            }
            if (FailuresLeft-- > 0)
            {
                throw new IOException("SMTP サーバーに接続できません。");
            }
            lock (Sent)
            {
                Sent.Add(mail);
            }
        }
    }
}
