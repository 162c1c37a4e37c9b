namespace Juso.Portal.Features.Documents;

/// <summary>
/// A printable document: the model a Razor component (<see cref="Component"/>, with a <c>Model</c> parameter)
/// renders to HTML, and what every page's header and footer say. A new document is one more model and component.
/// </summary>
public abstract record PrintDocument
{
    public required string Municipality { get; init; }

    /// <summary>When it was printed, in Japan time (footer of every page).</summary>
    public required DateTimeOffset PrintedAt { get; init; }

    public abstract string Title { get; }

    /// <summary>ASCII file name for the download.</summary>
    public abstract string FileName { get; }

    /// <summary>A handling mark (取扱注意 …) printed in the header of every page, or null.</summary>
    public virtual string? HandlingMark => null;

    /// <summary>Which copy this print is (控え, 署名用), boxed in the header of every page, or null.</summary>
    public virtual string? CopyMark => null;

    /// <summary>
    /// What a page separated from the rest still names in its header (a plan's number, version and person), or null
    /// when the title says enough.
    /// </summary>
    public virtual string? PageIdentity => null;

    public abstract Type Component { get; }
}

/// <summary>The renderer cannot print (Chromium or a Japanese font is missing, or the browser failed): a message for the user.</summary>
public sealed class DocumentUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
