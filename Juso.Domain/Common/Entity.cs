namespace Juso.Domain.Common;

/// <summary>Base of every persisted entity: identity by Id.</summary>
public abstract class Entity
{
    public int Id { get; protected set; }
}
