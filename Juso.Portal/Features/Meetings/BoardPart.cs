using System.Collections;
using Microsoft.AspNetCore.Components;

namespace Juso.Portal.Features.Meetings;

/// <summary>
/// A part of the live board that re-renders only when what it shows changed. Every viewer's circuit re-renders the
/// board on each committed change; with the parts checking their immutable parameters (records shared between
/// snapshots by <see cref="BoardSnapshots"/>), an edit diffs the one changed part instead of the whole board.
/// </summary>
public abstract class BoardPart : ComponentBase
{
    private object?[]? _shown;

    /// <summary>Everything the part's markup depends on (parameters and its own state); callbacks are left out.</summary>
    protected abstract object?[] Shown();

    protected override bool ShouldRender()
    {
        var shown = Shown();
        if (_shown is not null && Same(_shown, shown))
        {
            return false;
        }
        _shown = shown;
        return true;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // The first render happens without asking ShouldRender: remember what it showed.
        if (firstRender)
        {
            _shown ??= Shown();
        }
    }

    private static bool Same(object?[] before, object?[] now)
    {
        if (before.Length != now.Length)
        {
            return false;
        }
        for (var i = 0; i < now.Length; i++)
        {
            if (!SameValue(before[i], now[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Records compare by value; lists of them (a new list per snapshot unless shared) item by item, by index: every
    /// viewer's circuit runs this for every part on each change, so it allocates nothing.
    /// </summary>
    private static bool SameValue(object? before, object? now)
    {
        if (ReferenceEquals(before, now))
        {
            return true;
        }
        if (before is not IList a || now is not IList b)
        {
            return Equals(before, now);
        }
        if (a.Count != b.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (!Equals(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }
}
