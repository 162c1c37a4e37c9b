namespace Juso.Domain.Cases;

/// <summary>The Japanese names of the case vocabulary (domain.md), used by histories and screens alike.</summary>
public static class CaseLabels
{
    public static string Label(this CaseStage stage) => stage switch
    {
        CaseStage.Intake => "受付",
        CaseStage.Assessment => "アセスメント",
        CaseStage.Planning => "プラン作成",
        CaseStage.Support => "支援中",
        CaseStage.Closed => "終結",
        _ => stage.ToString(),
    };

    public static string Label(this IntakeRoute route) => route switch
    {
        IntakeRoute.Counter => "窓口",
        IntakeRoute.Phone => "電話",
        IntakeRoute.Visit => "訪問",
        IntakeRoute.AgencyReferral => "関係機関からのつなぎ",
        IntakeRoute.Community => "民生委員・地域から",
        IntakeRoute.Outreach => "アウトリーチ",
        IntakeRoute.TriageMeeting => "困窮相談振分会議より",
        _ => route.ToString(),
    };

    public static string Label(this ConsentStatus status) => status switch
    {
        ConsentStatus.Obtained => "同意あり",
        ConsentStatus.NotObtained => "同意なし",
        ConsentStatus.Withdrawn => "同意撤回",
        _ => status.ToString(),
    };

    public static string Label(this ConsentMethod method) => method switch
    {
        ConsentMethod.Written => "書面",
        ConsentMethod.Verbal => "口頭",
        ConsentMethod.Other => "その他",
        _ => method.ToString(),
    };

    public static string Label(this CaseAgencyRole role) => role switch
    {
        CaseAgencyRole.Intake => "受付・つなぎ元",
        CaseAgencyRole.Lead => "主担当",
        CaseAgencyRole.Assigned => "役割分担",
        _ => role.ToString(),
    };
}
