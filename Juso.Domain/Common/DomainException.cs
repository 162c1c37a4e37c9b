namespace Juso.Domain.Common;

/// <summary>One rule broken: Field names the input it concerns (null when it concerns the whole), Message is for the user.</summary>
public sealed record DomainError(string? Field, string Message);

/// <summary>A rule of the domain refused a change. Messages are Japanese and meant for the user.</summary>
public class DomainException : Exception
{
    public DomainException(string message, string? field = null)
        : this([new DomainError(field, message)])
    {
    }

    public DomainException(IReadOnlyList<DomainError> errors)
        : base(string.Join(" ", errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    public IReadOnlyList<DomainError> Errors { get; }
}
