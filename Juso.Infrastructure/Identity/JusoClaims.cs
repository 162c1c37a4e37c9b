namespace Juso.Infrastructure.Identity;

/// <summary>Claims Juso adds to the sign-in cookie.</summary>
public static class JusoClaims
{
    /// <summary>The <see cref="UserSession"/> this cookie belongs to.</summary>
    public const string SessionId = "juso:sid";

    public const string DisplayName = "juso:name";

    public const string AgencyId = "juso:agency";

    public const string StaffId = "juso:staff";
}
