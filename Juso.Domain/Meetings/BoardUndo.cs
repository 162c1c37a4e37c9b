namespace Juso.Domain.Meetings;

/// <summary>
/// The chair's board actions that can still be taken back, newest first, in one stack (ADR 0016): a conclusion, an item
/// switch, a decision recorded or removed, a role assignment or action item changed, an action item removed. Each step holds
/// how to restore the state before it; taking it back goes through the same services at the version the action left, so it
/// fails as a conflict when someone changed the thing since. Bounded, so a long meeting does not keep every step.
/// </summary>
/// <typeparam name="TRevert">What restores the state before the step (the board passes a call to its service).</typeparam>
public sealed class BoardUndo<TRevert>
{
    public const int Capacity = 20;

    private readonly List<(string Label, TRevert Revert)> _steps = [];

    /// <summary>What the next take-back undoes; null when there is nothing to take back.</summary>
    public string? NextLabel => _steps.Count == 0 ? null : _steps[^1].Label;

    public int Count => _steps.Count;

    public void Record(string label, TRevert revert)
    {
        _steps.Add((label, revert));
        if (_steps.Count > Capacity)
        {
            _steps.RemoveAt(0);
        }
    }

    /// <summary>The newest step, removed from the stack: a take-back is itself not recorded, and is not retried.</summary>
    public bool TryTakeBack(out string label, out TRevert revert)
    {
        if (_steps.Count == 0)
        {
            (label, revert) = (string.Empty, default!);
            return false;
        }
        (label, revert) = _steps[^1];
        _steps.RemoveAt(_steps.Count - 1);
        return true;
    }
}
