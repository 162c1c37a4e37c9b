using Juso.Domain.Auditing;
using Juso.Infrastructure.Identity;
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
        var refusal = await SessionValidator.ValidateAsync(context.HttpContext.RequestServices, context.Principal, UseOf(path), context.HttpContext.RequestAborted);
        if (refusal is not null)
        {
            var user = CurrentUser.FromPrincipal(context.Principal, context.HttpContext.Connection.RemoteIpAddress?.ToString());
            await context.HttpContext.RequestServices.GetRequiredService<AuditLog>().WriteAsync(user, refusal.Action, detail: refusal.Reason);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    /// <summary>
    /// A page load is input; what a page's connection requests on its own (a circuit connecting or reconnecting, a board
    /// hub's transport, long polling included) is not. A wall display's session may load its wall page, connect its
    /// circuit (the circuit checks which page it shows) and reach the account endpoints (sign-out), nothing else.
    /// </summary>
    private SessionUse UseOf(PathString path)
    {
        if (path.StartsWithSegments("/_blazor"))
        {
            return new(null, _ => true);
        }
        if (path.StartsWithSegments("/hubs"))
        {
            return new(null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (path.StartsWithSegments("/account"))
        {
            return new(now, _ => true);
        }
        return new(now, meetingId => path.Equals($"/meetings/{meetingId}/wall", StringComparison.OrdinalIgnoreCase));
    }
}
