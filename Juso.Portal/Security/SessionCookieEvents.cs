using Juso.Domain.Auditing;
using Juso.Portal.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Juso.Portal.Security;

/// <summary>Validates the server-side session behind every cookie, so an ended session cannot be reused.</summary>
public sealed class SessionCookieEvents(TimeProvider time) : CookieAuthenticationEvents
{
    // Static files carry the cookie too; they hold no personal data, so they skip the database check.
    private static readonly string[] StaticPrefixes = ["/_framework", "/_content", "/_blazor/negotiate", "/css", "/js", "/favicon"];

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var path = context.HttpContext.Request.Path;
        if (context.Principal is null || StaticPrefixes.Any(p => path.StartsWithSegments(p)))
        {
            return;
        }
        var verdict = await SessionValidator.ValidateAsync(context.HttpContext.RequestServices, context.Principal, time.GetUtcNow().UtcDateTime, context.HttpContext.RequestAborted);
        if (verdict is not null)
        {
            var user = CurrentUser.FromPrincipal(context.Principal, context.HttpContext.Connection.RemoteIpAddress?.ToString());
            await context.HttpContext.RequestServices.GetRequiredService<AuditLog>().WriteAsync(user, AuditAction.SessionEnded, detail: verdict);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }
}
