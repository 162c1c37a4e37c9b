namespace Juso.Domain.Plans;

public static class PlanLabels
{
    public static string Label(this PlanKind kind) => kind switch
    {
        PlanKind.WithConsent => "支援プラン",
        PlanKind.WholeHousehold => "世帯丸ごと支援プラン",
        _ => kind.ToString(),
    };

    public static string Label(this PlanStatus status) => status switch
    {
        PlanStatus.Draft => "案",
        PlanStatus.Approved => "会議で承認",
        PlanStatus.Active => "実施中",
        PlanStatus.Evaluated => "評価済",
        PlanStatus.Stopped => "停止",
        _ => status.ToString(),
    };

    public static string Label(this GoalTerm term) => term switch
    {
        GoalTerm.LongTerm => "長期目標",
        GoalTerm.ShortTerm => "短期目標",
        _ => term.ToString(),
    };

    public static string Label(this AssignmentStatus status) => status switch
    {
        AssignmentStatus.Planned => "予定",
        AssignmentStatus.InProgress => "実施中",
        AssignmentStatus.Done => "完了",
        AssignmentStatus.Stopped => "中止",
        _ => status.ToString(),
    };

    public static string Label(this SignatureMethod method) => method switch
    {
        SignatureMethod.InPerson => "対面で署名",
        SignatureMethod.HomeVisit => "訪問時に署名",
        SignatureMethod.Mail => "郵送で返送",
        SignatureMethod.Proxy => "代理人が署名",
        _ => method.ToString(),
    };
}
