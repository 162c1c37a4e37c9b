using Juso.Domain.Common;
using Juso.Domain.Notifications;

namespace Juso.Tests.Domain.Notifications;

public sealed class NotificationTests
{
    private static readonly NotificationKey Key = new(NotificationKind.MonitoringOverdue, 12, TestData.Today, "u-coordinator", 1);

    [Fact]
    public void MarkRead_Twice_KeepsTheFirstTime()
    {
        var notification = Notification.Raise(Key, 12, "件名", "本文", "/cases/12", null, MailState.Pending, TestData.Now);

        notification.MarkRead(TestData.Now.AddHours(1));
        notification.MarkRead(TestData.Now.AddHours(2));

        Assert.Equal(TestData.Now.AddHours(1).UtcDateTime, notification.ReadAt);
        Assert.Equal(Key, notification.Key);
    }

    [Fact]
    public void Raise_WithoutRecipientOrWithAnOutsideLink_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Notification.Raise(Key with { RecipientUserId = "" }, 12, "件名", "本文", "https://example.com/", null, MailState.Sent, TestData.Now));

        TestData.HasError(error, nameof(Notification.RecipientUserId), "通知先がありません。");
        TestData.HasError(error, nameof(Notification.Link), "リンクが正しくありません。");
        TestData.HasError(error, nameof(Notification.MailState), "メールの状態が正しくありません。");
    }

    [Fact]
    public void HeldMail_GoesIntoTheDigest_OrOutOnItsOwn_ButASentMailStaysSent()
    {
        var held = Notification.Raise(Key, 12, "件名", "本文", "/cases/12", null, MailState.Held, TestData.Now);
        var released = Notification.Raise(Key, 12, "件名", "本文", "/cases/12", null, MailState.Held, TestData.Now);
        var sent = Notification.Raise(Key, 12, "件名", "本文", "/cases/12", null, MailState.Pending, TestData.Now);

        held.IncludeInDigest();
        released.ReleaseFromDigest();
        sent.MarkMailSent(TestData.Now);
        sent.IncludeInDigest();

        Assert.Equal((MailState.Digested, MailState.Pending, MailState.Sent), (held.MailState, released.MailState, sent.MailState));
    }
}

public sealed class ReminderSettingsTests
{
    private static ReminderSettingsDetails Details(string? meetingDays = "3,1", int? dueSoon = 7, int? grace = 14, int? threshold = 3) =>
        new(dueSoon, grace, meetingDays, threshold, new JobSchedule(true, new TimeOnly(8, 0)), new JobSchedule(false, new TimeOnly(8, 0)),
            new JobSchedule(true, new TimeOnly(7, 30)), new JobSchedule(true, new TimeOnly(8, 30)));

    [Fact]
    public void MeetingDays_InJapanesePunctuation_AreReadLargestFirst_WithoutRepeats()
    {
        var settings = ReminderSettings.CreateDefault(TestData.Now);

        settings.Update(Details("1、 3，3"), TestData.Now);

        Assert.Equal([3, 1], settings.MeetingReminderDayList);
        Assert.Equal("3,1", settings.MeetingReminderDays);
        Assert.False(settings.DueSoonEnabled);
    }

    [Theory]
    [InlineData("", "MeetingReminderDays")]
    [InlineData("三日前", "MeetingReminderDays")]
    [InlineData("0", "MeetingReminderDays")]
    [InlineData("1,2,3,4,5,6", "MeetingReminderDays")]
    public void MeetingDays_ThatAreNotOneToFiveDayCounts_AreRefused(string days, string field)
    {
        var settings = ReminderSettings.CreateDefault(TestData.Now);

        var error = Assert.Throws<DomainException>(() => settings.Update(Details(days), TestData.Now));

        Assert.Contains(error.Errors, e => e.Field == field);
        Assert.Equal([3, 1], settings.MeetingReminderDayList);
    }

    [Fact]
    public void Intervals_OutOfRange_AreAllReportedAtOnce()
    {
        var settings = ReminderSettings.CreateDefault(TestData.Now);

        var error = Assert.Throws<DomainException>(() => settings.Update(Details(dueSoon: 0, grace: null, threshold: 101), TestData.Now));

        Assert.Equal(["DigestThreshold", "DueSoonDays", "EscalationGraceDays"], error.Errors.Select(e => e.Field).Order());
    }
}
