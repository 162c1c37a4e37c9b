namespace Juso.Portal.Features.Documents;

/// <summary>Turns a document model into the HTML the preview shows and the PDF that is printed from that same HTML.</summary>
public interface IDocumentRenderer
{
    Task<string> RenderHtmlAsync(PrintDocument document);

    /// <exception cref="DocumentUnavailableException">Chromium or a Japanese font is missing, or printing failed.</exception>
    Task<byte[]> RenderPdfAsync(PrintDocument document, CancellationToken cancellationToken = default);
}
