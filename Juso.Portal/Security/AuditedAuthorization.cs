using Juso.Domain.Auditing;
using Juso.Portal.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Juso.Portal.Security;

/// <summary>
/// A signed-in user refused by role (an /admin page, /jobs, an endpoint of another role) is audited as AccessDenied
/// with what was refused, like a refusal by case; the response itself stays the framework's.
/// </summary>
public sealed class AuditedAuthorizationResultHandler(AuditLog audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            await RoleRefusal.AuditAsync(audit, context);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>Writes the audit row of a refusal by role.</summary>
public static class RoleRefusal
{
    public static Task AuditAsync(AuditLog audit, HttpContext context) =>
        AuditAsync(audit, CurrentUser.FromPrincipal(context.User, context.Connection.RemoteIpAddress?.ToString()),
            $"{context.Request.PathBase}{context.Request.Path}");

    /// <summary>The same row for a page the router refused inside a circuit (no request reaches the middleware then).</summary>
    public static Task AuditAsync(AuditLog audit, UserContext user, string path) =>
        audit.WriteAsync(user, AuditAction.AccessDenied, detail: $"役割による拒否: {path}");
}
