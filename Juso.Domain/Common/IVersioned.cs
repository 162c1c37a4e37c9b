namespace Juso.Domain.Common;

/// <summary>
/// An entity two people can edit. Version is the optimistic concurrency token; persistence increments it
/// on every save that changes the entity, and a save against a stale version is refused.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
