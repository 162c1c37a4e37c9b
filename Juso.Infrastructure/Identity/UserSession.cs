namespace Juso.Infrastructure.Identity;

/// <summary>
/// One signed-in browser. The cookie carries only its id; idle and absolute limits and revocation are
/// checked against this row, so sign-out, disabling a user and timeouts hold on every server.
/// </summary>
public class UserSession
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public string? EndReason { get; set; }

    public string? Address { get; set; }

    /// <summary>
    /// 掲示モード: this session serves only the wall display of this meeting, without the idle limit, until
    /// <see cref="DisplayUntil"/> (docs/adr/0002-server-side-sessions.md).
    /// </summary>
    public int? DisplayMeetingId { get; set; }

    public DateTime? DisplayUntil { get; set; }
}
