using System.Globalization;
using Juso.Domain.Common;

namespace Juso.Domain.Notifications;

/// <summary>What an administrator decides about one reminder job: on or off, and when it runs (日本時間).</summary>
public readonly record struct JobSchedule(bool Enabled, TimeOnly RunAt);

public sealed record ReminderSettingsDetails(
    int? DueSoonDays,
    int? EscalationGraceDays,
    string? MeetingReminderDays,
    int? DigestThreshold,
    JobSchedule Overdue,
    JobSchedule DueSoon,
    JobSchedule Meetings,
    JobSchedule Digest);

/// <summary>
/// リマインド設定: intervals and the schedule of the reminder jobs. One row; jobs read it each time they run,
/// so a change takes effect at the next run without a restart.
/// </summary>
public class ReminderSettings : AggregateRoot
{
    public const int SingletonId = 1;

    protected ReminderSettings()
    {
        MeetingReminderDays = "3,1";
    }

    /// <summary>Days ahead of the monitoring due date the coordinator is reminded.</summary>
    public int DueSoonDays { get; private set; }

    /// <summary>Days after the due date an unreviewed plan raises the escalated (second) alert.</summary>
    public int EscalationGraceDays { get; private set; }

    /// <summary>Days ahead of a meeting its members are reminded, e.g. "3,1".</summary>
    public string MeetingReminderDays { get; private set; }

    /// <summary>From this many held alerts on, a supervisor gets one digest mail instead of one per case.</summary>
    public int DigestThreshold { get; private set; }

    public bool OverdueEnabled { get; private set; }

    public TimeOnly OverdueRunAt { get; private set; }

    public bool DueSoonEnabled { get; private set; }

    public TimeOnly DueSoonRunAt { get; private set; }

    public bool MeetingRemindersEnabled { get; private set; }

    public TimeOnly MeetingRemindersRunAt { get; private set; }

    public bool DigestEnabled { get; private set; }

    public TimeOnly DigestRunAt { get; private set; }

    public IReadOnlyList<int> MeetingReminderDayList => ParseDays(MeetingReminderDays) ?? [];

    public JobSchedule Overdue => new(OverdueEnabled, OverdueRunAt);

    public JobSchedule DueSoon => new(DueSoonEnabled, DueSoonRunAt);

    public JobSchedule Meetings => new(MeetingRemindersEnabled, MeetingRemindersRunAt);

    public JobSchedule Digest => new(DigestEnabled, DigestRunAt);

    /// <summary>The defaults until an administrator saves: every job on, in the morning in Japan.</summary>
    public static ReminderSettings CreateDefault(DateTimeOffset now)
    {
        var settings = new ReminderSettings
        {
            Id = SingletonId,
            DueSoonDays = 7,
            EscalationGraceDays = 14,
            MeetingReminderDays = "3,1",
            DigestThreshold = 3,
            OverdueEnabled = true,
            OverdueRunAt = new TimeOnly(8, 0),
            DueSoonEnabled = true,
            DueSoonRunAt = new TimeOnly(8, 0),
            MeetingRemindersEnabled = true,
            MeetingRemindersRunAt = new TimeOnly(7, 30),
            DigestEnabled = true,
            DigestRunAt = new TimeOnly(8, 30),
        };
        settings.MarkCreated(now);
        return settings;
    }

    public void Update(ReminderSettingsDetails details, DateTimeOffset now)
    {
        var days = ParseDays(details.MeetingReminderDays);
        new RuleCheck()
            .Require(details.DueSoonDays is >= 1 and <= 60, nameof(DueSoonDays), "期限前のお知らせは1日から60日前の間で入力してください。")
            .Require(details.EscalationGraceDays is >= 1 and <= 180, nameof(EscalationGraceDays), "再通知までの猶予は1日から180日の間で入力してください。")
            .Require(days is { Count: >= 1 and <= 5 } && days.All(d => d is >= 1 and <= 30), nameof(MeetingReminderDays),
                "会議のお知らせは「3,1」のように、1から30までの日数をカンマで区切って5つまで入力してください。")
            .Require(details.DigestThreshold is >= 1 and <= 100, nameof(DigestThreshold), "まとめて送る件数は1件から100件の間で入力してください。")
            .ThrowIfAny();
        DueSoonDays = details.DueSoonDays!.Value;
        EscalationGraceDays = details.EscalationGraceDays!.Value;
        MeetingReminderDays = string.Join(",", days!);
        DigestThreshold = details.DigestThreshold!.Value;
        (OverdueEnabled, OverdueRunAt) = (details.Overdue.Enabled, details.Overdue.RunAt);
        (DueSoonEnabled, DueSoonRunAt) = (details.DueSoon.Enabled, details.DueSoon.RunAt);
        (MeetingRemindersEnabled, MeetingRemindersRunAt) = (details.Meetings.Enabled, details.Meetings.RunAt);
        (DigestEnabled, DigestRunAt) = (details.Digest.Enabled, details.Digest.RunAt);
        Touch(now);
    }

    /// <summary>"3, 1" → [3, 1] (largest first, no repeats); null when any part is not a number.</summary>
    private static List<int>? ParseDays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var result = new List<int>();
        foreach (var part in text.Replace('、', ',').Replace('，', ',').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            {
                return null;
            }
            result.Add(day);
        }
        return result.Distinct().OrderDescending().ToList();
    }
}
