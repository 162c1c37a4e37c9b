namespace Juso.Domain.Plans;

/// <summary>支援プラン (with the person's consent) or 世帯丸ごと支援プラン (without: internal, never handed out).</summary>
public enum PlanKind
{
    WithConsent,
    WholeHousehold,
}

/// <summary>案 → 会議で承認 → 実施中 → 評価済; 停止 when consent is withdrawn from a 支援プラン or the case is handed back.</summary>
public enum PlanStatus
{
    Draft,
    Approved,
    Active,
    Evaluated,
    Stopped,
}

public enum GoalTerm
{
    LongTerm,
    ShortTerm,
}

public enum AssignmentStatus
{
    Planned,
    InProgress,
    Done,
    Stopped,
}
