namespace Juso.Portal.Security;

/// <summary>
/// Cookies are Secure with the __Host- prefix (outside Development), so plain HTTP can work only where a browser
/// treats the origin as secure: a client on this machine (run.sh at http://localhost:5080). Any other plain-HTTP
/// request is refused with a clear message instead of a sign-in form whose cookies the browser would drop; behind a
/// TLS-terminating proxy the scheme comes from X-Forwarded-Proto. /health stays open for load balancers.
/// </summary>
public static class HttpsOrLoopback
{
    public const string InsecureCookiesKey = "Security:InsecureCookies";

    public static IApplicationBuilder UseHttpsOrLoopback(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.IsHttps || context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)
            || context.Request.Path.StartsWithSegments("/health"))
        {
            await next();
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("このポータルには HTTPS で接続してください。");
    });

    /// <summary>
    /// The antiforgery cookie with the Secure flag set here rather than by <see cref="CookieSecurePolicy.Always"/>: with
    /// that policy antiforgery throws on every plain-HTTP request, including the loopback ones allowed above.
    /// </summary>
    public sealed class SecureCookieBuilder : CookieBuilder
    {
        public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
        {
            var options = base.Build(context, expiresFrom);
            options.Secure = true;
            return options;
        }
    }
}
