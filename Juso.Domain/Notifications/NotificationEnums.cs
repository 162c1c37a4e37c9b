namespace Juso.Domain.Notifications;

/// <summary>What an alert is about.</summary>
public enum NotificationKind
{
    /// <summary>モニタリング期限が近い (to the coordinator).</summary>
    MonitoringDueSoon,

    /// <summary>モニタリング期限切れ; level 1 at the due date, level 2 (escalated) after the grace period.</summary>
    MonitoringOverdue,

    /// <summary>会議のリマインド; the level is the number of days ahead it was meant for (e.g. 3 or 1).</summary>
    MeetingReminder,

    /// <summary>A supervisor's daily summary mail of overdue alerts, instead of one mail per case.</summary>
    SupervisorDigest,

    /// <summary>終結後フォローの予定日 (to the lead agency's members and the coordinator), on the date set at the last follow-up.</summary>
    FollowUpDue,

    /// <summary>対応事項の期限が近い (to the owner agency's staff and the case's coordinator); the subject is the action item.</summary>
    ActionItemDueSoon,

    /// <summary>対応事項の期限切れ, once per action item and due date.</summary>
    ActionItemOverdue,

    /// <summary>参加支援のフォローアップ予定日 (to the plan's worker), once per plan and due date.</summary>
    ParticipationFollowUpDue,
    /// <summary>アウトリーチの働きかけが途絶えている: a lead past its contact frequency; the subject is the lead, once per due date.</summary>
    OutreachContactOverdue,
    /// <summary>会議の日時・場所の変更、または中止 (to the chair and members); the level is the meeting's version after the change.</summary>
    MeetingChanged,
}

/// <summary>Where the e-mail copy of an alert stands. The in-portal alert exists whatever happens to the mail.</summary>
public enum MailState
{
    /// <summary>No mail: the recipient has no address.</summary>
    None,

    /// <summary>To be sent on its own.</summary>
    Pending,

    /// <summary>Held for the supervisor's daily digest.</summary>
    Held,

    /// <summary>Sent inside a digest.</summary>
    Digested,

    Sent,
}

public static class NotificationLabels
{
    public static string Label(this NotificationKind kind) => kind switch
    {
        NotificationKind.MonitoringDueSoon => "モニタリング期限が近い",
        NotificationKind.MonitoringOverdue => "モニタリング期限切れ",
        NotificationKind.MeetingReminder => "会議のお知らせ",
        NotificationKind.FollowUpDue => "終結後フォローの予定日",
        NotificationKind.SupervisorDigest => "期限切れのまとめ",
        NotificationKind.ActionItemDueSoon => "対応事項の期限が近い",
        NotificationKind.ActionItemOverdue => "対応事項の期限切れ",
        NotificationKind.ParticipationFollowUpDue => "参加支援のフォローアップ予定日",
        NotificationKind.OutreachContactOverdue => "アウトリーチの働きかけ期限切れ",
        NotificationKind.MeetingChanged => "会議の変更・中止",
        _ => kind.ToString(),
    };
}
