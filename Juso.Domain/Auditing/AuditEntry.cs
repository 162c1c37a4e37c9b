namespace Juso.Domain.Auditing;

/// <summary>What was done to personal data or to access control; one row per read or change.</summary>
public enum AuditAction
{
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    SessionEnded,
    CaseListViewed,
    CaseViewed,
    CaseOpened,
    CaseUpdated,
    ConsentRecorded,
    StageChanged,
    AssessmentRecorded,
    PlanChanged,
    PlanApproved,
    ContactRecorded,
    MonitoringRecorded,
    CaseClosed,
    HouseholdViewed,
    HouseholdUpdated,
    AccessDenied,
    UserCreated,
    UserUpdated,
    UserDisabled,
    UserEnabled,
    UserUnlocked,
    PasswordReset,
    AgencyCreated,
    AgencyUpdated,
    StaffCreated,
    StaffUpdated,
    AuditLogViewed,
    MeetingScheduled,
    MeetingChanged,
    PledgeRecorded,
    MeetingBoardViewed,
    MeetingBoardChanged,
    MinutesViewed,
    MinutesApproved,
    ReminderSettingsChanged,
    DocumentPreviewed,
    DocumentPrinted,
    PlanSigned,
    SignedCopyViewed,
    WallDisplayStarted,
    WallDisplayEnded,
    BackupCreated,
    DirectoryAccountLinked,
    PasswordChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    ActionItemSettled,
}

/// <summary>An audit log row. Written once, never changed; administrators can browse them.</summary>
public class AuditEntry
{
    public const int DetailMaxLength = 1000;

    protected AuditEntry()
    {
        UserId = string.Empty;
        UserName = string.Empty;
    }

    public AuditEntry(DateTimeOffset now, string userId, string userName, AuditAction action, int? caseId, int? householdId, string? address, string? detail)
    {
        At = now.UtcDateTime;
        UserId = userId;
        UserName = userName;
        Action = action;
        CaseId = caseId;
        HouseholdId = householdId;
        Address = address;
        Detail = detail is { Length: > DetailMaxLength } ? detail[..DetailMaxLength] : detail;
    }

    public long Id { get; private set; }

    public DateTime At { get; private set; }

    public string UserId { get; private set; }

    public string UserName { get; private set; }

    public AuditAction Action { get; private set; }

    public int? CaseId { get; private set; }

    public int? HouseholdId { get; private set; }

    /// <summary>The client's IP address.</summary>
    public string? Address { get; private set; }

    public string? Detail { get; private set; }
}
