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
    ReportViewed,
    ReportExported,
    IndicatorTargetsChanged,
    ParticipationPlanViewed,
    ParticipationPlanChanged,
    SocialResourceChanged,
    CommunityPlaceChanged,
    LeadListViewed,
    LeadViewed,
    LeadRegistered,
    LeadUpdated,
    LeadContactRecorded,
    LeadStageChanged,
    LeadPlanChanged,
    LeadConverted,
    ConcernCategoryChanged,
    LedgerImported,
    LedgerValueMapped,
}

/// <summary>An audit log row. Written once, never changed; administrators can browse them.</summary>
public class AuditEntry
{
    public const int DetailMaxLength = 1000;

    public const int CaseIdsMaxLength = 4000;

    protected AuditEntry()
    {
        UserId = string.Empty;
        UserName = string.Empty;
    }

    /// <param name="caseIds">Every case a view showed (a list page, a household, a board, a print); one alone is also <paramref name="caseId"/>.</param>
    /// <param name="leadIds">Every アウトリーチ対象者 the row is about (a lead's page, the lead list).</param>
    public AuditEntry(DateTimeOffset now, string userId, string userName, AuditAction action, int? caseId, int? householdId, string? address, string? detail,
        IReadOnlyCollection<int>? caseIds = null, IReadOnlyCollection<int>? leadIds = null)
    {
        if (leadIds is { Count: > 0 })
        {
            LeadIds = string.Concat(leadIds.Distinct().Order().Select(Token)) + ",";
        }
        var shown = (caseIds ?? []).Concat(caseId is { } id ? [id] : []).Distinct().Order().ToList();
        if (shown.Count > 0)
        {
            caseId ??= shown.Count == 1 ? shown[0] : null;
            CaseIds = string.Concat(shown.Select(Token)) + ",";
        }
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

    /// <summary>The ids of every case the row is about, as ",3,7,": a row is about case 7 when this contains <see cref="Token"/>(7) + ",".</summary>
    public string? CaseIds { get; private set; }

    /// <summary>The ids of the leads the row is about, in the same form as <see cref="CaseIds"/>.</summary>
    public string? LeadIds { get; private set; }

    /// <summary>Matches case <paramref name="caseId"/> in <see cref="CaseIds"/> when followed by ","; see <see cref="Mentions"/>.</summary>
    public static string Token(int caseId) => $",{caseId}";

    /// <summary>The text to look for in <see cref="CaseIds"/> to find the rows about <paramref name="caseId"/>.</summary>
    public static string Mentions(int caseId) => $"{Token(caseId)},";

    public IReadOnlyList<int> ShownCaseIds =>
        CaseIds is null ? [] : CaseIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
}
