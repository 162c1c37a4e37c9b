using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Components;
using Juso.Portal.Components.Layout;
using Juso.Portal.Features.Account;
using Juso.Portal.Security;

namespace Juso.Portal.Hosting;

public static class PortalApplication
{
    /// <summary>Migrates the database; fills an empty embedded database with the demo municipality when configured.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        if (options.SeedDemoData)
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync();
        }
        await ActivatorUtilities.CreateInstance<AdministratorBootstrap>(scope.ServiceProvider).RunAsync(app.Configuration);
    }

    public static async Task<WebApplication> UseJusoPortalAsync(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            // Not sent to localhost (HstsOptions.ExcludedHosts), so run.sh's plain HTTP keeps working.
            app.UseHsts();
            app.UseHttpsOrLoopback();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(SecurityHeaders);
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture("ja-JP").AddSupportedCultures("ja-JP").AddSupportedUICultures("ja-JP"));

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        await app.UseJusoJobsAsync();

        app.MapStaticAssets().AllowAnonymous();
        var theme = app.Services.GetRequiredService<ThemeStylesheet>();
        await theme.RenderAsync(app.Services);
        app.MapGet(ThemeStylesheet.Path, theme.Serve).AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options =>
        {
            // Our own CSP already says frame-ancestors 'none'; Blazor's default second header would only repeat it weaker.
            options.ContentSecurityFrameAncestorsPolicy = null;
            // A compressed circuit socket held about 300 KB of native deflate state per open page (docs/adr/0036).
            options.DisableWebSocketCompression = true;
        });
        app.MapAccountEndpoints();
        app.MapHub<Features.Meetings.MeetingBoardHub>(Features.Meetings.MeetingBoardHub.Path);
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("Diagnostics:MemoryEndpoint"))
        {
            // Only for bench/Juso.Bench.Circuits (it sets the flag): the managed heap after a full, compacting GC.
            app.MapGet("/diagnostics/memory", () =>
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                return Results.Json(new { managedBytes = GC.GetTotalMemory(forceFullCollection: false), committedBytes = GC.GetGCMemoryInfo().TotalCommittedBytes });
            }).AllowAnonymous();
        }
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The overall status and, per check, its status and Japanese description (why Redis or printing is degraded), so
    /// that an operator sees the reason. Exceptions stay in the log: this endpoint is anonymous.
    /// </summary>
    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }));
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // MudBlazor sets inline styles; scripts come only from this site.
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        if (!context.Request.Path.StartsWithSegments("/_content") && !context.Request.Path.StartsWithSegments("/_framework"))
        {
            // Pages hold personal data: never cached (the same values antiforgery insists on).
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }
        return next();
    }
}
