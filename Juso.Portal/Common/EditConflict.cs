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
    public bool Removed => Fields.Count == 0;
}
