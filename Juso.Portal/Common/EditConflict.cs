namespace Juso.Portal.Common;

/// <summary>Who saved a record and when (UTC).</summary>
public sealed record SavedBy(string Name, DateTime At);

/// <summary>One field of a form that lost an edit race: what is saved now beside what the user typed.</summary>
public sealed record ConflictField(string Label, string? Saved, string? Typed)
{
    public bool Differs => (Saved ?? string.Empty).Trim() != (Typed ?? string.Empty).Trim();
}

/// <summary>
/// An edit that lost a race: the saved state and its author, shown by <c>ConflictNotice</c> while the form keeps what the
/// user typed. Saving again is then a deliberate overwrite of a state the user has seen, never a silent one.
/// </summary>
public sealed record EditConflict(SavedBy? SavedBy, IReadOnlyList<ConflictField> Fields)
{
    /// <summary>The record is gone: nothing saved to show. A race over a new row (an assignment added to a changed plan) has no fields either, and says so.</summary>
    public bool Removed { get; init; } = Fields.Count == 0;
}
