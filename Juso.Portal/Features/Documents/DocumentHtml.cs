using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Juso.Portal.Features.Documents;

/// <summary>Renders a document's Razor component to a complete HTML page (CSS embedded, nothing fetched).</summary>
public sealed class DocumentHtml : IAsyncDisposable
{
    // Documents take everything from their model and inject nothing: an empty container of their own keeps the
    // renderer independent of the app's (whose Razor services are scoped and need the web host).
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly HtmlRenderer _renderer;

    public DocumentHtml(ILoggerFactory loggerFactory)
    {
        _renderer = new HtmlRenderer(_services, loggerFactory);
    }

    public async Task<string> RenderAsync(PrintDocument document)
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = document });
        var html = await _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await _renderer.RenderComponentAsync(document.Component, parameters);
            return output.ToHtmlString();
        });
        return "<!DOCTYPE html>\n" + html;
    }

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
