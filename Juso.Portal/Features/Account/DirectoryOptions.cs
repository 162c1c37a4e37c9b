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

    /// <summary>
    /// The "amr" values (RFC 8176) by which the directory says it checked more than a password. A user who turned on
    /// Juso's own two-step verification is asked for its code after the directory, unless the directory's answer
    /// names one of these (docs/adr/0028).
    /// </summary>
    public string[] MultiFactorMethods { get; set; } = ["mfa", "http://schemas.microsoft.com/claims/multipleauthn"];

    /// <summary>
    /// The directory requires its own multi-factor sign-in for Juso (e.g. a conditional access policy) without saying
    /// so in "amr" (Entra ID's v2.0 tokens): never ask for Juso's code after it.
    /// </summary>
    public bool DirectoryRequiresMultiFactor { get; set; }

    /// <summary>Only a provider on loopback (the tests') may turn this off; the portal refuses to start otherwise.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
