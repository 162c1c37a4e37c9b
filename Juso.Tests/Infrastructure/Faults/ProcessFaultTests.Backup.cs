using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Juso.Tests.Infrastructure.Faults;

/// <summary>The online backup as an operator's cron job runs it: another process, while users save.</summary>
public sealed partial class ProcessFaultTests
{
    [Fact]
    public async Task BackupCommand_AnotherProcessWhileClientsSave_NoSaveFailsOrWaitsForIt_AndTheBackupIsWhole()
    {
        var directory = await PortalProcess.NewDemoDirectoryAsync();
        try
        {
            await using var portal = await PortalProcess.StartAsync(directory);
            var clients = new List<HubConnection> { await BoardHubClient.ConnectAsync(portal.BaseUrl, "chair") };
            var meetings = await ChairedMeetingsAsync(directory, clients[0]);
            // A meeting of its own per client: two clients on one board could lose a race, which is no backup's doing.
            while (clients.Count < Math.Min(3, meetings.Count))
            {
                clients.Add(await BoardHubClient.ConnectAsync(portal.BaseUrl, "chair"));
            }
            var before = meetings.Sum(m => SavedState(directory, m.MeetingId).Audited);
            using var stop = new CancellationTokenSource();
            var acknowledged = 0;
            var savers = clients.Select((client, i) => Task.Run(async () =>
            {
                var (meetingId, itemId) = meetings[i];
                while (!stop.IsCancellationRequested)
                {
                    // Any failure (refusal, timeout, lost connection) fails the test: a backup must not make a save fail.
                    await client.InvokeAsync(nameof(MeetingBoardHub.StartItem), meetingId, itemId);
                    Interlocked.Increment(ref acknowledged);
                }
            })).ToList();
            await Until(() => Volatile.Read(ref acknowledged) >= 10, TimeSpan.FromSeconds(60), "the clients did not save");

            var atStart = Volatile.Read(ref acknowledged);
            var (exitCode, output) = await PortalProcess.RunCommandAsync(directory, "--backup");
            var duringBackup = Volatile.Read(ref acknowledged) - atStart;
            await Until(() => Volatile.Read(ref acknowledged) >= atStart + duringBackup + 10, TimeSpan.FromSeconds(60), "saves stopped after the backup");
            await stop.CancelAsync();
            await Task.WhenAll(savers).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(exitCode == 0, output);
            Assert.True(duringBackup > 0, "no save was acknowledged while the backup process ran");
            // The command prints the new folder among its log lines; it is the one backup in the data folder's backups/.
            var folder = Assert.Single(Directory.GetDirectories(Path.Combine(directory, "backups")));
            Assert.Contains(folder, output);
            await Juso.Infrastructure.Persistence.Backup.SqliteBackup.VerifyAsync(folder);
            Assert.Equal(Volatile.Read(ref acknowledged), meetings.Sum(m => SavedState(directory, m.MeetingId).Audited) - before);
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
        finally
        {
            PortalProcess.DeleteDirectory(directory);
        }
    }
}
