using System.Security.Claims;
using Juso.Domain.Auditing;
using Microsoft.AspNetCore.Antiforgery;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Juso.Portal.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Juso.Portal.Features.Account;

public static class AccountEndpoints
{
    public const string SessionPath = "/account/session";

    public const string DirectoryPath = "/account/directory";

    public const string DirectoryCallbackPath = "/account/directory/callback";

    /// <summary>Sign-out is a POST with an antiforgery token (the form in the app bar), never a link.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Asked by a page that lost its connection: a reconnect refused because the session ended (account
        // disabled, signed out elsewhere, idle) would otherwise retry forever instead of showing the sign-in page.
        // The cookie is validated on this request like on any other, so 401 means the session is over.
        endpoints.MapGet(SessionPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return context.User.Identity?.IsAuthenticated == true ? Results.NoContent() : Results.Unauthorized();
        }).AllowAnonymous();

        // A link, not a form: starting a sign-in at the directory changes nothing here, and the redirect to another
        // origin would be refused by the form-action 'self' of our CSP. The state parameter protects the way back.
        endpoints.MapGet(DirectoryPath, (string? returnUrl, DirectoryOptions directory) =>
            directory.IsEnabled
                ? Results.Challenge(
                    new AuthenticationProperties { RedirectUri = $"{DirectoryCallbackPath}?returnUrl={Uri.EscapeDataString(LoginPage.SafeReturnUrl(returnUrl))}" },
                    [DirectoryOptions.Scheme])
                : Results.NotFound()).AllowAnonymous();

        endpoints.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<JusoUser> signIn, SessionStore sessions, AuditLog audit,
            OpenHubConnections hubConnections) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }
            var principal = context.User;
            if (Guid.TryParse(principal.FindFirstValue(JusoClaims.SessionId), out var sessionId))
            {
                await sessions.EndAsync(sessionId, "SignedOut");
                hubConnections.CloseSession(sessionId);
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
