using Juso.Domain.Common;

namespace Juso.Domain.Notifications;

/// <summary>
/// The natural key of an alert: what, about which case or meeting (0 for none), for which due date, to whom, at
/// which level. A unique index on it makes "already sent" a fact of the database, not of the job.
/// </summary>
public readonly record struct NotificationKey(NotificationKind Kind, int SubjectId, DateOnly DueOn, string RecipientUserId, int Level);

/// <summary>お知らせ: one alert to one person, shown in the portal and (when they have an address) mailed.</summary>
public class Notification : Entity
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int LinkMaxLength = 200;

    protected Notification()
    {
        RecipientUserId = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
        Link = string.Empty;
    }

    public NotificationKind Kind { get; private set; }

    /// <summary>The case's or the meeting's id; 0 for a digest.</summary>
    public int SubjectId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string RecipientUserId { get; private set; }

    public int Level { get; private set; }

    /// <summary>The case to link to, when the alert is about one.</summary>
    public int? CaseId { get; private set; }

    /// <summary>Case number and dates only: names never leave the portal by mail.</summary>
    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>Why this person gets it when they are not the usual recipient (no coordinator, no supervisor).</summary>
    public string? Reason { get; private set; }

    /// <summary>Portal path the alert leads to, e.g. /cases/12.</summary>
    public string Link { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public MailState MailState { get; private set; }

    /// <summary>When a mail job was enqueued for it; null while it still needs one.</summary>
    public DateTime? MailQueuedAt { get; private set; }

    /// <summary>A sender holds the mail from this moment (a lease, so two senders never both send it).</summary>
    public DateTime? MailClaimedAt { get; private set; }

    public DateTime? MailSentAt { get; private set; }

    public NotificationKey Key => new(Kind, SubjectId, DueOn, RecipientUserId, Level);

    public bool IsRead => ReadAt is not null;

    public static Notification Raise(NotificationKey key, int? caseId, string title, string body, string link, string? reason, MailState mail, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(!string.IsNullOrWhiteSpace(key.RecipientUserId), nameof(RecipientUserId), "通知先がありません。")
            .RequireText(title, nameof(Title), "件名", TitleMaxLength)
            .RequireText(body, nameof(Body), "本文", BodyMaxLength)
            .OptionalText(reason, nameof(Reason), "理由", ReasonMaxLength)
            .Require(link.StartsWith('/') && link.Length <= LinkMaxLength, nameof(Link), "リンクが正しくありません。")
            .Require(mail is MailState.None or MailState.Pending or MailState.Held, nameof(MailState), "メールの状態が正しくありません。")
            .ThrowIfAny();
        return new Notification
        {
            Kind = key.Kind,
            SubjectId = key.SubjectId,
            DueOn = key.DueOn,
            RecipientUserId = key.RecipientUserId,
            Level = key.Level,
            CaseId = caseId,
            Title = title.Trim(),
            Body = body.Trim(),
            Reason = RuleCheck.Clean(reason),
            Link = link,
            CreatedAt = now.UtcDateTime,
            MailState = mail,
        };
    }

    /// <summary>Reading twice keeps the first time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now.UtcDateTime;

    public void MarkMailQueued(DateTimeOffset now) => MailQueuedAt = now.UtcDateTime;

    public void MarkMailSent(DateTimeOffset now)
    {
        MailState = MailState.Sent;
        MailSentAt = now.UtcDateTime;
        MailClaimedAt = null;
    }

    /// <summary>The recipient has no address any more: the alert stays in the portal only.</summary>
    public void DropMail()
    {
        MailState = MailState.None;
        MailClaimedAt = null;
    }

    /// <summary>The held mail is replaced by a line in the supervisor's digest.</summary>
    public void IncludeInDigest()
    {
        if (MailState == MailState.Held)
        {
            MailState = MailState.Digested;
        }
    }

    /// <summary>A held mail goes out on its own after all (too few for a digest).</summary>
    public void ReleaseFromDigest()
    {
        if (MailState == MailState.Held)
        {
            MailState = MailState.Pending;
        }
    }
}
