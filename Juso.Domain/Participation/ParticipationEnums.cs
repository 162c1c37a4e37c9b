namespace Juso.Domain.Participation;

/// <summary>The kinds of 社会資源 a person can be matched to (seed 002, 003).</summary>
public enum ResourceKind
{
    DropIn,
    Volunteer,
    WorkReadiness,
    Salon,
    ChildrensCafeteria,
    Company,
    Other,
}

/// <summary>
/// 受入可 / 受入休止中 / 不足 (the municipality lacks it: the register of 不足している社会資源) / アーカイブ (no longer offered,
/// kept because plans refer to it).
/// </summary>
public enum ResourceStatus
{
    Available,
    Paused,
    Lacking,
    Archived,
}

/// <summary>準備中 (candidates, preparing the host) → 試行中 (trial period) → 定着支援中 → 終了.</summary>
public enum ParticipationStatus
{
    Preparing,
    Trial,
    Following,
    Ended,
}

/// <summary>How a 参加支援プラン ended.</summary>
public enum ParticipationOutcome
{
    Settled,
    MovedOn,
    Withdrawn,
    Other,
}

/// <summary>Whom a follow-up visit saw: the host (受入先), the person, or both.</summary>
public enum FollowUpTarget
{
    Host,
    Person,
    Both,
}

public static class ParticipationLabels
{
    public static string Label(this ResourceKind kind) => kind switch
    {
        ResourceKind.DropIn => "居場所",
        ResourceKind.Volunteer => "ボランティア",
        ResourceKind.WorkReadiness => "就労準備",
        ResourceKind.Salon => "サロン",
        ResourceKind.ChildrensCafeteria => "子ども食堂",
        ResourceKind.Company => "企業",
        ResourceKind.Other => "その他",
        _ => kind.ToString(),
    };

    public static string Label(this ResourceStatus status) => status switch
    {
        ResourceStatus.Available => "受入可",
        ResourceStatus.Paused => "受入休止中",
        ResourceStatus.Lacking => "不足",
        ResourceStatus.Archived => "アーカイブ",
        _ => status.ToString(),
    };

    public static string Label(this ParticipationStatus status) => status switch
    {
        ParticipationStatus.Preparing => "準備中",
        ParticipationStatus.Trial => "試行中",
        ParticipationStatus.Following => "定着支援中",
        ParticipationStatus.Ended => "終了",
        _ => status.ToString(),
    };

    public static string Label(this ParticipationOutcome outcome) => outcome switch
    {
        ParticipationOutcome.Settled => "定着した",
        ParticipationOutcome.MovedOn => "別の資源・支援へ移行",
        ParticipationOutcome.Withdrawn => "中断（本人の意向など）",
        ParticipationOutcome.Other => "その他",
        _ => outcome.ToString(),
    };

    public static string Label(this FollowUpTarget target) => target switch
    {
        FollowUpTarget.Host => "受入先",
        FollowUpTarget.Person => "本人",
        FollowUpTarget.Both => "受入先と本人",
        _ => target.ToString(),
    };
}
