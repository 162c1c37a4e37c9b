using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Juso.Tests.Infrastructure.Faults;

/// <summary>
/// Faults with real processes: the portal killed with SIGKILL while users save and while a reminder job runs, Chromium
/// killed between two prints, the SMTP server down, and the database file write-locked by another process.
/// </summary>
public sealed partial class ProcessFaultTests
{
    private const string StartItemDetail = "協議中の議題を変更";

    [Fact]
    public async Task Kill_WhileSeveralClientsSave_EveryAcknowledgedSaveIsKeptAndNoneIsHalfSaved()
    {
        var directory = await PortalProcess.NewDemoDirectoryAsync();
        try
        {
            await using var portal = await PortalProcess.StartAsync(directory);
            var clients = new List<HubConnection>();
            for (var i = 0; i < 4; i++)
            {
                clients.Add(await BoardHubClient.ConnectAsync(portal.BaseUrl, "chair"));
            }
            var meetings = await ChairedMeetingsAsync(directory, clients[0]);
            var before = meetings.ToDictionary(m => m.MeetingId, m => SavedState(directory, m.MeetingId));

            var acknowledged = new ConcurrentDictionary<int, int>();
            var total = 0;
            var savers = clients.Select((client, i) => Task.Run(async () =>
            {
                for (var n = i; ; n++)
                {
                    var (meetingId, itemId) = meetings[n % meetings.Count];
                    try
                    {
                        await client.InvokeAsync(nameof(MeetingBoardHub.StartItem), meetingId, itemId);
                    }
                    catch (HubException) when (client.State == HubConnectionState.Connected)
                    {
                        // Refused (a race lost three times): nothing was saved, and the client was told so.
                        continue;
                    }
                    catch (Exception)
                    {
                        return;
                    }
                    acknowledged.AddOrUpdate(meetingId, 1, (_, count) => count + 1);
                    Interlocked.Increment(ref total);
                }
            })).ToList();
            await Until(() => Volatile.Read(ref total) >= 60, TimeSpan.FromSeconds(60), "the clients did not save");
            await portal.KillAsync();
            await Task.WhenAll(savers).WaitAsync(TimeSpan.FromSeconds(60));
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            await portal.StartAsync();
            await using var db = Open(directory);
            Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check;"));
            foreach (var (meetingId, _) in meetings)
            {
                var (version, audited) = SavedState(directory, meetingId);
                var savedVersions = version - before[meetingId].Version;
                var savedAudits = audited - before[meetingId].Audited;
                // The meeting's change and its audit row are one transaction: both or neither.
                Assert.Equal(savedVersions, savedAudits);
                // Every acknowledged save is there; at most one unacknowledged save per client was in flight at the kill.
                Assert.InRange(savedAudits, acknowledged.GetValueOrDefault(meetingId), acknowledged.GetValueOrDefault(meetingId) + clients.Count);
            }
        }
        finally
        {
            PortalProcess.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Kill_DuringTheOverdueReminderJob_AfterRestartEachAlertAndMailIsThereOnce()
    {
        var directory = await PortalProcess.NewDemoDirectoryAsync();
        try
        {
            await using var portal = await PortalProcess.StartAsync(directory);
            var baseline = Count(directory, "SELECT COUNT(*) FROM Notifications;");
            using (var admin = await AdministratorAsync(portal))
            {
                await TriggerAsync(admin, "AlertOverdueMonitoringJob");
            }
            await Until(() => Count(directory, "SELECT COUNT(*) FROM Notifications;") > baseline, TimeSpan.FromSeconds(60), "the job raised no alert");
            await portal.KillAsync();

            // Hangfire.InMemory lost the job and its queued mails with the process: the recurring job runs again
            // (here triggered, as the daily schedule would) and the start queues every unsent mail again.
            await portal.StartAsync();
            var restartedAt = DateTime.UtcNow;
            using var administrator = await AdministratorAsync(portal);
            await TriggerAsync(administrator, "AlertOverdueMonitoringJob");
            await Until(() => JobRuns(portal) >= 1, TimeSpan.FromSeconds(60), "the job did not run after the restart");
            var afterRerun = Count(directory, "SELECT COUNT(*) FROM Notifications;");
            await TriggerAsync(administrator, "AlertOverdueMonitoringJob");
            await Until(() => JobRuns(portal) >= 2, TimeSpan.FromSeconds(60), "the job did not run a third time");
            Assert.Contains(", 0 new alert(s)", OverdueJobLines(portal).Last());
            Assert.Equal(afterRerun, Count(directory, "SELECT COUNT(*) FROM Notifications;"));

            // Mails settle: nothing waits to be sent but a claim of the killed process (held for its lease, ADR 0008).
            await Until(() => Count(directory, "SELECT COUNT(*) FROM Notifications WHERE MailState = 'Pending' AND (MailClaimedAt IS NULL OR MailClaimedAt > @restart);", restartedAt) == 0,
                TimeSpan.FromSeconds(60), "mails were not sent after the restart");

            await using var db = Open(directory);
            Assert.Equal(0, Count(directory, "SELECT COUNT(*) FROM (SELECT 1 FROM Notifications GROUP BY Kind, SubjectId, DueOn, RecipientUserId, Level HAVING COUNT(*) > 1);"));
            var mails = Directory.GetFiles(Path.Combine(directory, "mail"), "*.eml")
                .Select(f => MimeKit.MimeMessage.Load(f))
                .Select(m => (To: m.To.Mailboxes.Single().Address, m.Subject, Body: m.TextBody ?? string.Empty))
                .ToList();
            Assert.Equal(mails.Count, mails.Distinct().Count());
            var sent = Rows(db, "SELECT u.Email, n.Title, n.Link, n.MailState FROM Notifications n JOIN AspNetUsers u ON u.Id = n.RecipientUserId WHERE n.MailState IN ('Sent', 'Pending');");
            Assert.NotEmpty(sent);
            foreach (var row in sent)
            {
                var matching = mails.Count(m => m.To == (string)row[0]! && m.Subject == "[Juso] " + (string)row[1]! && m.Body.Contains((string)row[2]!, StringComparison.Ordinal));
                // Sent: exactly once. Pending here is only a mail claimed by the killed process: sent by it or not, never twice.
                Assert.True((string)row[3]! == "Sent" ? matching == 1 : matching <= 1, $"{row[0]} {row[1]}: {matching} mails");
            }
        }
        finally
        {
            PortalProcess.DeleteDirectory(directory);
        }
    }

    private static async Task<List<(int MeetingId, int ItemId)>> ChairedMeetingsAsync(string directory, HubConnection chair)
    {
        List<object?[]> candidates;
        await using (var db = Open(directory))
        {
            candidates = Rows(db, """
                SELECT m.Id, (SELECT a.Id FROM AgendaItem a WHERE a.MeetingId = m.Id ORDER BY a.Id LIMIT 1)
                FROM Meetings m JOIN AspNetUsers u ON u.Id = m.ChairUserId
                WHERE u.UserName = 'chair' AND m.MinutesApprovedAt IS NULL AND EXISTS (SELECT 1 FROM AgendaItem a WHERE a.MeetingId = m.Id)
                ORDER BY m.Id;
                """);
        }
        var usable = new List<(int, int)>();
        foreach (var row in candidates)
        {
            var (meetingId, itemId) = (Convert.ToInt32(row[0], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(row[1], System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                await chair.InvokeAsync(nameof(MeetingBoardHub.StartItem), meetingId, itemId);
                usable.Add((meetingId, itemId));
            }
            catch (HubException)
            {
                // Not on this board (a 支援会議 without the chair's pledge).
            }
        }
        Assert.NotEmpty(usable);
        return usable;
    }

    private static (int Version, int Audited) SavedState(string directory, int meetingId) =>
        ((int)Count(directory, "SELECT Version FROM Meetings WHERE Id = @restart;", meetingId),
         (int)Count(directory, "SELECT COUNT(*) FROM AuditEntries WHERE Action = 'MeetingBoardChanged' AND Detail = @detail;", null, $"会議 {meetingId}: {StartItemDetail}"));

    private static async Task<HttpClient> AdministratorAsync(PortalProcess portal) =>
        new(new HttpClientHandler { CookieContainer = await BoardHubClient.SignInAsync(portal.BaseUrl, "admin"), AllowAutoRedirect = false }) { BaseAddress = new Uri(portal.BaseUrl) };

    /// <summary>Runs a recurring job now through the dashboard, as an administrator would ("Trigger now").</summary>
    private static async Task TriggerAsync(HttpClient http, string job)
    {
        var page = await http.GetStringAsync("/jobs/recurring");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/jobs/recurring/trigger")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = job }),
        };
        request.Headers.Add(CsrfHeader().Match(page).Groups[1].Value, CsrfToken().Match(page).Groups[1].Value);
        var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"trigger {job}: {(int)response.StatusCode}");
    }

    private static List<string> OverdueJobLines(PortalProcess portal) =>
        portal.Output.Split('\n').Where(l => l.Contains("Overdue monitoring:", StringComparison.Ordinal)).ToList();

    private static int JobRuns(PortalProcess portal) => OverdueJobLines(portal).Count;

    private static List<System.Diagnostics.Process> ProcessesWithEnvironment(string marker)
    {
        var found = new List<System.Diagnostics.Process>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "environ")).Split('\0').Contains(marker))
                {
                    found.Add(System.Diagnostics.Process.GetProcessById(pid));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }
        return found;
    }

    private static async Task Until(Func<bool> condition, TimeSpan timeout, string message)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, message);
            await Task.Delay(50);
        }
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
