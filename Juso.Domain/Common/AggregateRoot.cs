namespace Juso.Domain.Common;

/// <summary>Root of an aggregate: the only entry point for changing its parts, versioned as a whole.</summary>
public abstract class AggregateRoot : Entity, IVersioned
{
    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Set by every change, so that a change to a part also marks the root modified and bumps Version.</summary>
    public DateTime UpdatedAt { get; private set; }

    protected void MarkCreated(DateTimeOffset now)
    {
        CreatedAt = now.UtcDateTime;
        UpdatedAt = now.UtcDateTime;
    }

    protected void Touch(DateTimeOffset now) => UpdatedAt = now.UtcDateTime;
}
