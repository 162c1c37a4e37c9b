namespace Juso.Portal.Security;

/// <summary>
/// Per circuit: when its user last gave real input (a key, a click or touch, a wheel turn, a navigation), as reported by
/// <c>Components/Layout/UserInputWatcher.razor</c>, and which meeting's wall display the circuit shows, if any.
/// Redraws (a board's timer ticking) and their acknowledgements are not input, so they never keep a session alive.
/// </summary>
public sealed class UserInput
{
    private long _lastInputTicks;

    public DateTime? LastInputUtc => Interlocked.Read(ref _lastInputTicks) is > 0 and var ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;

    /// <summary>Set by the wall display page of this circuit (掲示モード).</summary>
    public int? DisplayMeetingId { get; set; }

    public void Record(DateTimeOffset now) => Interlocked.Exchange(ref _lastInputTicks, now.UtcDateTime.Ticks);
}
