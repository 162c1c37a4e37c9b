using Bunit;
using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Portal.Features.Notifications;
using Juso.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Juso.Tests.Features.Notifications;

/// <summary>The bell shows the signed-in user's unread count and follows it while the page stays open.</summary>
public sealed class NotificationBellTests : PortalComponentTest
{
    private const string Me = "u-coordinator";

    public override async Task InitializeAsync()
    {
        Services.AddSingleton<NotificationNotifier>();
        Services.AddSingleton<IMailQueue, RecordingMailQueue>();
        Services.TryAddSingleton<NotificationWriter>();
        Services.AddScoped<NotificationService>();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task Bell_CountsUpWhenAJobRaisesAnAlert_AndDownWhenItIsRead_WithoutReload()
    {
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("お知らせ（未読なし）", Button(bell).GetAttribute("aria-label")));

        var raised = await RaiseAsync(Me, 1, 2);
        await RaiseAsync("u-someone-else", 3);

        bell.WaitForAssertion(() => Assert.Equal("お知らせ（未読2件）", Button(bell).GetAttribute("aria-label")));
        Assert.Contains("2", bell.Find(".mud-badge").TextContent);

        await Services.GetRequiredService<NotificationService>().MarkReadAsync(raised[0].Id);

        bell.WaitForAssertion(() => Assert.Equal("お知らせ（未読1件）", Button(bell).GetAttribute("aria-label")));
    }

    [Fact]
    public async Task Bell_IgnoresOtherPeoplesAlerts()
    {
        var bell = Render<NotificationBell>();
        await RaiseAsync("u-someone-else", 1);
        await RaiseAsync(Me, 2);

        bell.WaitForAssertion(() => Assert.Equal("1", Button(bell).GetAttribute("data-unread")));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<NotificationBell> bell) => bell.Find("a[href='/notifications'], button");

    /// <summary>Raises alerts through the same writer the jobs use (which announces them after the save).</summary>
    private async Task<IReadOnlyList<Notification>> RaiseAsync(string userId, params int[] subjects)
    {
        var due = JapanDate.Today(PortalHarness.Start);
        var drafts = subjects.Select(s => new AlertDraft(new NotificationKey(NotificationKind.MeetingReminder, s, due, userId, 1), null,
            "会議のお知らせ", "議題: ケース 2026-0001", $"/meetings/{s}", null, MailState.None)).ToList();
        return await Services.GetRequiredService<NotificationWriter>().RaiseAsync(drafts, CancellationToken.None);
    }
}
