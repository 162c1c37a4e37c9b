using Juso.Infrastructure.Persistence.Backup;
using Juso.Portal.Features.Documents;
using Juso.Portal.Features.Meetings;
using Juso.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Juso.Tests.Infrastructure.Faults;

/// <summary>What the portal depends on goes away: Chromium killed between two prints, the SMTP server down, the database file write-locked.</summary>
public sealed partial class ProcessFaultTests
{
    [Fact]
    public async Task RenderPdf_ChromiumKilledBetweenTwoPrints_TheNextPrintWorks()
    {
        var fonts = Path.Combine(Path.GetTempPath(), "juso-tests", "fonts-" + Guid.NewGuid().ToString("N"));
        var options = new DocumentOptions { ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium", FontDirectory = fonts };
        var printFont = new PrintFont(options, NullLogger<PrintFont>.Instance);
        try
        {
            await using var html = new DocumentHtml(NullLoggerFactory.Instance);
            await using var renderer = new ChromiumPdfRenderer(html, options, new JapaneseFontProbe(options), printFont, NullLogger<ChromiumPdfRenderer>.Instance);
            Assert.Contains("次第", PdfText.Pages(await renderer.RenderPdfAsync(DocumentSamples.TwelveCaseAgenda()))[0]);

            // This renderer's Chromium processes are those launched with its own font configuration.
            var marker = "FONTCONFIG_FILE=" + (printFont.FontConfigFile ?? throw new InvalidOperationException("IPAexGothic is needed to tell this renderer's Chromium apart"));
            var chromium = ProcessesWithEnvironment(marker);
            Assert.NotEmpty(chromium);
            foreach (var process in chromium)
            {
                process.Kill();
            }
            await Until(() => chromium.All(p => p.HasExited), TimeSpan.FromSeconds(10), "chromium did not die");

            var pdf = await renderer.RenderPdfAsync(DocumentSamples.TwelveCaseAgenda());

            Assert.Contains("次第", PdfText.Pages(pdf)[0]);
            Assert.Equal(2, renderer.Launches);
        }
        finally
        {
            PortalProcess.DeleteDirectory(fonts);
        }
    }

    [Fact]
    public async Task SmtpDown_AlertsAreKept_AndTheirMailsAreRetriedUntilTheServerIsUp()
    {
        var directory = await PortalProcess.NewDemoDirectoryAsync();
        var smtpPort = RedisServer.FreePort();
        try
        {
            await using var portal = await PortalProcess.StartAsync(directory, new Dictionary<string, string?>
            {
                ["Mail:Smtp:Host"] = "127.0.0.1",
                ["Mail:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Smtp:Security"] = "None",
                ["Mail:Smtp:Timeout"] = "00:00:05",
            });
            using (var admin = await AdministratorAsync(portal))
            {
                await TriggerAsync(admin, "AlertOverdueMonitoringJob");
            }
            await Until(() => JobRuns(portal) >= 1, TimeSpan.FromSeconds(60), "the job did not run");
            await Until(() => portal.Output.Contains("Retry attempt 1 of", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "no mail was tried");

            Assert.Equal(0, Count(directory, "SELECT COUNT(*) FROM Notifications WHERE MailState = 'Sent';"));
            var pending = Count(directory, "SELECT COUNT(*) FROM Notifications WHERE MailState = 'Pending';");
            Assert.True(pending > 0, "the job raised no alert with a mail");

            using var smtp = new SmtpSink(smtpPort);
            // Hangfire retries each failed mail job after 15 to 45 s (its first automatic retry).
            await Until(() => Count(directory, "SELECT COUNT(*) FROM Notifications WHERE MailState = 'Sent';") == pending, TimeSpan.FromSeconds(150),
                "the mails were not sent once the server was up");
            Assert.Equal(pending, smtp.Messages.Count);
            Assert.Equal(pending, smtp.Messages.Select(m => (m.To.ToString(), m.Subject)).Distinct().Count());
        }
        finally
        {
            PortalProcess.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task DatabaseWriteLocked_SavesWait_AndCompleteOnceTheLockIsReleased()
    {
        var directory = await PortalProcess.NewDemoDirectoryAsync();
        try
        {
            await using var portal = await PortalProcess.StartAsync(directory);
            var clients = new List<HubConnection>();
            for (var i = 0; i < 3; i++)
            {
                clients.Add(await BoardHubClient.ConnectAsync(portal.BaseUrl, "chair"));
            }
            var meetings = await ChairedMeetingsAsync(directory, clients[0]);
            var before = meetings.ToDictionary(m => m.MeetingId, m => SavedState(directory, m.MeetingId).Audited);

            List<Task> saves;
            await using (var locker = Open(directory))
            {
                Execute(locker, "BEGIN IMMEDIATE;");
                saves = clients.Select((client, i) => client.InvokeAsync(nameof(MeetingBoardHub.StartItem), meetings[i % meetings.Count].MeetingId, meetings[i % meetings.Count].ItemId)).ToList();
                // An online backup only reads: it completes while the write lock is held.
                var backup = new SqliteBackup(Juso.Infrastructure.DependencyInjection.SqliteConnectionString(null, directory), Path.Combine(directory, "backups"), NullLogger<SqliteBackup>.Instance);
                await SqliteBackup.VerifyAsync((await backup.CreateAsync(DateTimeOffset.UtcNow)).Folder);
                // The lock is held for two seconds, as a long transaction of another process would: well inside the busy timeout.
                await Task.WhenAny(Task.WhenAll(saves), Task.Delay(TimeSpan.FromSeconds(2)));
                Assert.All(saves, save => Assert.False(save.IsCompleted, "a save finished (or failed) while the database was locked"));
                Execute(locker, "COMMIT;");
            }
            await Task.WhenAll(saves).WaitAsync(TimeSpan.FromSeconds(30));

            var saved = meetings.Sum(m => SavedState(directory, m.MeetingId).Audited - before[m.MeetingId]);
            Assert.Equal(clients.Count, saved);
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

    /// <summary>The chair's open meetings with an agenda item the chair may move the board to (tried once each).</summary>
}
