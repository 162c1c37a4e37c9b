using Juso.Domain.Notifications;
using Juso.Portal.Common;
using Juso.Portal.Features.Admin;
using Juso.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Juso.Tests.Features.Admin;

/// <summary>リマインド設定: administrators only, validated by the domain, versioned, and handed to the scheduler.</summary>
public sealed class ReminderSettingsServiceTests : IAsyncLifetime
{
    private readonly RecordingSchedule _schedule = new();
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() =>
        _harness = await PortalHarness.CreateAsync(configure: s => s.Replace(ServiceDescriptor.Singleton<IReminderSchedule>(_schedule)));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Defaults_ThenASave_AreWhatTheJobsReadAndWhatIsScheduled()
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var service = _harness.Get<ReminderSettingsService>(scope);
        var form = await service.GetAsync();
        Assert.Equal((7, 14, "3,1", 0), (form.DueSoonDays, form.EscalationGraceDays, form.MeetingReminderDays, form.Version));

        form.MeetingReminderDays = "1、5";
        form.DigestRunAt = new TimeSpan(9, 15, 0);
        form.DueSoonEnabled = false;
        var result = await service.SaveAsync(form);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        await using var db = _harness.NewContext();
        var saved = await ReminderSettingsService.CurrentAsync(db, _harness.Time.GetUtcNow());
        Assert.Equal([5, 1], saved.MeetingReminderDayList);
        Assert.False(saved.DueSoonEnabled);
        Assert.Equal(new TimeOnly(9, 15), Assert.Single(_schedule.Applied).DigestRunAt);
    }

    [Fact]
    public async Task InvalidValues_AreRefused_OnTheirFields_AndNothingIsSaved()
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var service = _harness.Get<ReminderSettingsService>(scope);
        var form = await service.GetAsync();
        form.MeetingReminderDays = "3日前";
        form.EscalationGraceDays = 0;
        form.OverdueRunAt = null;

        var result = await service.SaveAsync(form);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Field == nameof(ReminderSettingsForm.OverdueRunAt) && e.Message == "実行時刻を入力してください。");
        form.OverdueRunAt = new TimeSpan(8, 0, 0);
        result = await service.SaveAsync(form);
        Assert.Contains(result.Errors, e => e.Field == nameof(ReminderSettings.MeetingReminderDays));
        Assert.Contains(result.Errors, e => e.Field == nameof(ReminderSettings.EscalationGraceDays) && e.Message.Contains("1日から180日"));
        Assert.Empty(_schedule.Applied);
        Assert.Equal(0, (await service.GetAsync()).Version);
    }

    [Fact]
    public async Task TwoAdministratorsFromTheSameVersion_TheSecondIsAConflict()
    {
        await using var scope = _harness.As(TestUsers.Administrator());
        var service = _harness.Get<ReminderSettingsService>(scope);
        Assert.True((await service.SaveAsync(await service.GetAsync())).Succeeded);
        var first = await service.GetAsync();
        var second = await service.GetAsync();
        first.DueSoonDays = 10;
        second.DueSoonDays = 3;

        Assert.True((await service.SaveAsync(first)).Succeeded);
        Assert.Equal(SaveStatus.Conflict, (await service.SaveAsync(second)).Status);
        Assert.Equal(10, (await service.GetAsync()).DueSoonDays);
    }

    [Fact]
    public async Task NonAdministrator_IsRefused()
    {
        await using var scope = _harness.As(TestUsers.Coordinator());
        var service = _harness.Get<ReminderSettingsService>(scope);

        await Assert.ThrowsAsync<AccessDeniedException>(service.GetAsync);
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SaveAsync(new ReminderSettingsForm()));
    }

    private sealed class RecordingSchedule : IReminderSchedule
    {
        public List<ReminderSettings> Applied { get; } = [];

        public void Apply(ReminderSettings settings) => Applied.Add(settings);
    }
}
