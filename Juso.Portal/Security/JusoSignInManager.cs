using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Juso.Portal.Security;

/// <summary>Identity's sign-in manager, refusing accounts an administrator disabled.</summary>
public sealed class JusoSignInManager(
    UserManager<JusoUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<JusoUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<JusoUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<JusoUser> confirmation,
    IDbContextFactory<JusoDbContext> dbFactory)
    : SignInManager<JusoUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(JusoUser user) =>
        await AccountStatus.UnusableReasonAsync(user, dbFactory) is null && await base.CanSignInAsync(user);
}
