namespace Juso.Domain.Auditing;

public static class AuditLabels
{
    public static string Label(this AuditAction action) => action switch
    {
        AuditAction.SignedIn => "サインイン",
        AuditAction.SignInFailed => "サインイン失敗",
        AuditAction.LockedOut => "アカウントロック",
        AuditAction.SignedOut => "サインアウト",
        AuditAction.SessionEnded => "セッション終了",
        AuditAction.CaseListViewed => "ケース一覧の閲覧",
        AuditAction.CaseViewed => "ケースの閲覧",
        AuditAction.CaseOpened => "相談受付",
        AuditAction.CaseUpdated => "ケースの変更",
        AuditAction.ConsentRecorded => "本人同意の記録",
        AuditAction.StageChanged => "段階の変更",
        AuditAction.AssessmentRecorded => "アセスメントの記録",
        AuditAction.PlanChanged => "プランの変更",
        AuditAction.PlanApproved => "プランの承認",
        AuditAction.ContactRecorded => "支援経過の記録",
        AuditAction.MonitoringRecorded => "モニタリングの記録",
        AuditAction.CaseClosed => "終結",
        AuditAction.HouseholdViewed => "世帯の閲覧",
        AuditAction.HouseholdUpdated => "世帯の変更",
        AuditAction.AccessDenied => "アクセス拒否",
        AuditAction.UserCreated => "ユーザー作成",
        AuditAction.UserUpdated => "ユーザー変更",
        AuditAction.UserDisabled => "ユーザー無効化",
        AuditAction.UserEnabled => "ユーザー有効化",
        AuditAction.UserUnlocked => "ロック解除",
        AuditAction.PasswordReset => "パスワード再設定",
        AuditAction.AgencyCreated => "機関の登録",
        AuditAction.AgencyUpdated => "機関の変更",
        AuditAction.StaffCreated => "職員の登録",
        AuditAction.StaffUpdated => "職員の変更",
        AuditAction.AuditLogViewed => "監査ログの閲覧",
        AuditAction.DocumentPreviewed => "帳票の印刷プレビュー",
        AuditAction.DocumentPrinted => "帳票の印刷（PDF）",
        AuditAction.PlanSigned => "プランの署名の記録",
        AuditAction.SignedCopyViewed => "署名済みプランの閲覧",
        _ => action.ToString(),
    };
}
