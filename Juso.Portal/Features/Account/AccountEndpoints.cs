using System.Security.Claims;
using Juso.Domain.Auditing;
using Microsoft.AspNetCore.Antiforgery;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Microsoft.AspNetCore.Identity;

namespace Juso.Portal.Features.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token (the form in the app bar), never a link.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<JusoUser> signIn, SessionStore sessions, AuditLog audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }
            var principal = context.User;
            if (Guid.TryParse(principal.FindFirstValue(JusoClaims.SessionId), out var sessionId))
            {
                await sessions.EndAsync(sessionId, "SignedOut");
            }
            if (principal.Identity?.IsAuthenticated == true)
            {
                await audit.WriteAsync(CurrentUser.FromPrincipal(principal, context.Connection.RemoteIpAddress?.ToString()), AuditAction.SignedOut);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login?signedOut=1");
        }).AllowAnonymous().DisableAntiforgery();
    }
}
