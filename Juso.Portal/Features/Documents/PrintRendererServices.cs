namespace Juso.Portal.Features.Documents;

public static class PrintRendererServices
{
    /// <summary>
    /// The renderer and what it needs, as singletons: one warm Chromium for the process (the portal, the document tests
    /// and the documents benchmark register it the same way).
    /// </summary>
    public static IServiceCollection AddPrintRenderer(this IServiceCollection services, DocumentOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<JapaneseFontProbe>();
        services.AddSingleton<PrintFont>();
        services.AddSingleton<DocumentHtml>();
        services.AddSingleton<ChromiumPdfRenderer>();
        services.AddSingleton<IDocumentRenderer>(sp => sp.GetRequiredService<ChromiumPdfRenderer>());
        return services;
    }
}
