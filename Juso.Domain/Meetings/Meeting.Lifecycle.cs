using Juso.Domain.Common;

namespace Juso.Domain.Meetings;

/// <summary>
/// The meeting's own course: rescheduled (date, time, place), cancelled (中止), or held and ended (会議を終了). A cancelled
/// meeting no longer counts in its 年度's 第N回 (ADR 0016); an ended one is held, so its minutes can be approved, also
/// when it was held earlier than planned.
/// </summary>
public partial class Meeting
{
    public const int CancelReasonMaxLength = 200;

    /// <summary>A meeting without an agenda (or a short one) still books its people for about an hour.</summary>
    public const int MinimumBookedMinutes = 60;

    public const string CancelledMessage = "この会議は中止されました。変更できません。";

    public const string CancelledSuffix = "（中止）";

    /// <summary>When the chair started the first agenda item: when the meeting was really held.</summary>
    public DateTime? StartedAt { get; private set; }

    /// <summary>会議を終了: the session is over; the board stops following items and the minutes can be approved.</summary>
    public DateTime? EndedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    public bool IsEnded => EndedAt is not null;

    /// <summary>Held: ended by the chair, or its start time has passed.</summary>
    public bool IsHeld(DateTimeOffset now) => IsEnded || now.UtcDateTime >= ScheduledAt;

    /// <summary>How long the meeting books its chair and members: its agenda's time, and at least an hour.</summary>
    public int BookedMinutes => BookedMinutesOf(_agenda.Sum(a => a.Minutes));

    public static int BookedMinutesOf(int agendaMinutes) => Math.Max(agendaMinutes, MinimumBookedMinutes);

    /// <summary>Whether two bookings share any minute (one ending as the other starts does not).</summary>
    public static bool Overlaps(DateTime startA, int minutesA, DateTime startB, int minutesB) =>
        startA < startB.AddMinutes(minutesB) && startB < startA.AddMinutes(minutesA);

    /// <summary>Whether two meetings are booked in the same room: the same place, however its digits and spaces were typed.</summary>
    public static bool SamePlace(string? placeA, string? placeB) =>
        RuleCheck.Clean(placeA) is { } a && RuleCheck.Clean(placeB) is { } b && Squeeze(a) == Squeeze(b);

    private static string Squeeze(string place) =>
        string.Concat(place.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Moves the meeting to another date, time or place; the service renumbers both 年度 when the year changes.</summary>
    public void Reschedule(DateTimeOffset? scheduledAt, string? place, DateTimeOffset now)
    {
        EnsureOpen();
        new RuleCheck()
            .Require(!IsEnded, nameof(ScheduledAt), "終了した会議の日時は変更できません。")
            .Add(ScheduleErrors(scheduledAt, place))
            .ThrowIfAny();
        ScheduledAt = scheduledAt!.Value.UtcDateTime;
        Place = RuleCheck.Clean(place);
        Touch(now);
    }

    /// <summary>中止: the meeting will not be held; it keeps its agenda as a record but changes no more.</summary>
    public void Cancel(string? reason, DateTimeOffset now)
    {
        EnsureOpen();
        new RuleCheck()
            .Require(!IsEnded, nameof(CancelledAt), "終了した会議は中止できません。議事録を作成してください。")
            .OptionalText(reason, nameof(CancelReason), "中止の理由", CancelReasonMaxLength)
            .ThrowIfAny();
        CancelledAt = now.UtcDateTime;
        CancelReason = RuleCheck.Clean(reason);
        CurrentAgendaItemId = null;
        CurrentItemStartedAt = null;
        Touch(now);
    }

    /// <summary>
    /// 会議を終了 by the chair. A meeting ended before its planned start was held earlier than planned: its date and
    /// time become when it really started (the first item, or now), so its 年度, number and minutes date are true.
    /// </summary>
    public void End(string userId, DateTimeOffset now)
    {
        EnsureOpen();
        new RuleCheck()
            .Require(userId == ChairUserId, nameof(EndedAt), "会議を終了できるのは議長だけです。")
            .Require(!IsEnded, nameof(EndedAt), "この会議は既に終了しています。")
            .ThrowIfAny();
        var heldFrom = StartedAt ?? now.UtcDateTime;
        if (heldFrom < ScheduledAt)
        {
            ScheduledAt = heldFrom;
        }
        EndedAt = now.UtcDateTime;
        CurrentAgendaItemId = null;
        CurrentItemStartedAt = null;
        Touch(now);
    }

    private void EnsureNotEnded()
    {
        if (IsEnded)
        {
            throw new DomainException("この会議は終了しています。議事録で内容を確認してください。");
        }
    }

    private static IEnumerable<DomainError> ScheduleErrors(DateTimeOffset? scheduledAt, string? place) => new RuleCheck()
        .Require(scheduledAt is not null, nameof(ScheduledAt), "開催日時を入力してください。")
        // Bounded so that the meeting's 年度 (and its numbering) always exists: year 1 or 9999 has no whole 年度.
        .Require(scheduledAt is null || JapanDate.Today(scheduledAt.Value) is { Year: >= 2000 and <= 2099 }, nameof(ScheduledAt),
            "開催日は2000年から2099年までの日付を入力してください。")
        .OptionalText(place, nameof(Place), "場所", PlaceMaxLength)
        .Errors;
}
