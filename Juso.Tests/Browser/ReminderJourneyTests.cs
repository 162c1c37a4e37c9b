using Juso.Domain.Notifications;
using Juso.Infrastructure.Messaging;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Features.Monitoring;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Juso.Tests.Browser;

/// <summary>Issue 5 in the browser: the overdue-monitoring job runs while the supervisor has the portal open.</summary>
public sealed class ReminderJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Supervisor_SeesTheOverdueAlertArriveInTheBell_OpensItsCase_AndTheCoordinatorsMailIsWritten()
    {
        await ForgetNotificationsAsync();
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "supervisor");
        await page.Locator("[data-testid=notification-bell] [data-unread='0']").WaitForAsync();

        // The recurring job, run now through the same class Hangfire schedules (no waiting for the cron).
        var raised = await Fixture.Server.Services.GetRequiredService<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);

        Assert.True(raised > 0, "the demo municipality has overdue plans");
        var bell = page.Locator("[data-testid=notification-bell] a[data-unread]:not([data-unread='0'])");
        await bell.WaitForAsync();
        Assert.StartsWith("お知らせ（未読", await bell.GetAttributeAsync("aria-label"));

        await bell.ClickAsync();
        var alert = page.GetByTestId("notification").Filter(new() { HasText = "モニタリング期限切れ" }).First;
        await alert.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "notifications");
        var text = await alert.InnerTextAsync();
        Assert.Matches(@"\d+日(が)?過ぎ", text);
        await alert.GetByRole(AriaRole.Link, new() { Name = "ケースを開く" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "ケース" }).WaitForAsync();
        Assert.Matches(@"/cases/\d+$", page.Url);

        await page.GotoAsync("/monitoring/overdue");
        var days = page.GetByTestId("days-overdue");
        await days.First.WaitForAsync();
        var shown = (await days.AllInnerTextsAsync()).Select(t => int.Parse(t[..t.IndexOf('日')], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(shown.OrderDescending(), shown);

        // The coordinator's mails go through Hangfire's queue to the folder sender: case number and link, no names.
        var folder = ((FolderMailSender)Fixture.Server.Services.GetRequiredService<IMailSender>()).Folder;
        var mail = await FirstMailAsync(folder, "モニタリング", TimeSpan.FromSeconds(30));
        Assert.Contains("モニタリング", mail.Subject);
        Assert.Contains("/cases/", mail.TextBody);
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        var names = await db.HouseholdMembers.Select(m => m.FamilyName + "\u3000" + m.GivenName).ToListAsync();
        Assert.DoesNotContain(names, n => (mail.TextBody ?? string.Empty).Contains(n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotificationsPage_FiltersByKind_AndMarkingReadLowersTheBell()
    {
        await ForgetNotificationsAsync();
        await Fixture.Server.Services.GetRequiredService<AlertOverdueMonitoringJob>().RunAsync(CancellationToken.None);
        var page = await NewPageAsync();
        await BrowserFixture.SignInAsync(page, "supervisor", "/notifications");
        var items = page.GetByTestId("notification");
        await items.First.WaitForAsync();
        var unread = await items.CountAsync();
        var bell = page.Locator("[data-testid=notification-bell] a[data-unread]");
        Assert.Equal(unread.ToString(System.Globalization.CultureInfo.InvariantCulture), await bell.GetAttributeAsync("data-unread"));

        await IntakeJourneyTests.ChooseAsync(page, "#filter-kind", "会議のお知らせ");
        await page.GetByTestId("no-notifications").WaitForAsync();
        await IntakeJourneyTests.ChooseAsync(page, "#filter-kind", "モニタリング期限切れ");
        await items.First.WaitForAsync();
        await items.First.GetByTestId("mark-read").ClickAsync();

        await page.Locator($"[data-testid=notification-bell] a[data-unread='{unread - 1}']").WaitForAsync();
        await IntakeJourneyTests.ChooseAsync(page, "#filter-read", "すべて");
        await page.Locator(".notification.read").First.WaitForAsync();
        Assert.Equal(unread, await items.CountAsync());
    }

    private async Task ForgetNotificationsAsync()
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<JusoDbContext>>().CreateDbContextAsync();
        await db.Notifications.ExecuteDeleteAsync();
    }

    /// <summary>The first mail whose subject names <paramref name="subject"/>: other tests share the server and its mails.</summary>
    private static async Task<MimeKit.MimeMessage> FirstMailAsync(string folder, string subject, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var file in (Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : []).Order(StringComparer.Ordinal))
            {
                var mail = await MimeKit.MimeMessage.LoadAsync(file);
                if (mail.Subject?.Contains(subject, StringComparison.Ordinal) == true)
                {
                    return mail;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"no mail about {subject} in {folder} after {timeout.TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
