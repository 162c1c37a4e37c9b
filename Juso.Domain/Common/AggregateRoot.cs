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

    /// <summary>Marks a change. Always moves <see cref="UpdatedAt"/> forward, even within one clock tick (or a test's
    /// frozen clock), so that the root is saved as modified and its version moves.</summary>
    protected void Touch(DateTimeOffset now) =>
        UpdatedAt = now.UtcDateTime > UpdatedAt ? now.UtcDateTime : UpdatedAt.AddTicks(1);
}
