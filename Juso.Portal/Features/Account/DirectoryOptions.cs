namespace Juso.Portal.Features.Account;

/// <summary>
/// The "Authentication:OpenIdConnect" section: the municipality's directory (Entra ID, AD FS, Keycloak) as an
/// OpenID provider beside local accounts. Off unless both Authority and ClientId are set.
/// </summary>
public sealed class DirectoryOptions
{
    public const string Section = "Authentication:OpenIdConnect";

    /// <summary>The ASP.NET authentication scheme of the directory.</summary>
    public const string Scheme = "Directory";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The label of the sign-in button.</summary>
    public string DisplayName { get; set; } = "庁内アカウントでサインイン";

    /// <summary>The claim naming the person for good; "sub" in OpenID Connect, "oid" is an alternative for Entra ID.</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>The claim matched against a Juso user's e-mail address at the first sign-in.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>Whether a first sign-in may find its Juso user by e-mail address (otherwise only by an existing link).</summary>
    public bool MatchByEmail { get; set; } = true;

    /// <summary>Only a provider on loopback (the tests') may turn this off; the portal refuses to start otherwise.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
