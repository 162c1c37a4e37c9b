using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Juso.Portal.Features.Documents;

/// <summary>Renders a document's Razor component to a complete HTML page (CSS embedded, nothing fetched).</summary>
public sealed class DocumentHtml(IServiceProvider services, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly HtmlRenderer _renderer = new(services, loggerFactory);

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

    public ValueTask DisposeAsync() => _renderer.DisposeAsync();
}
