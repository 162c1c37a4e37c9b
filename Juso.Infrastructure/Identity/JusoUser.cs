using Microsoft.AspNetCore.Identity;

namespace Juso.Infrastructure.Identity;

/// <summary>A sign-in account. Linked to a staff record, whose agency decides which cases an agency member sees.</summary>
public class JusoUser : IdentityUser
{
    public const int DisplayNameMaxLength = 50;

    public string DisplayName { get; set; } = string.Empty;

    public int? StaffId { get; set; }

    /// <summary>A disabled account cannot sign in, and its open sessions end at the next revalidation.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}
