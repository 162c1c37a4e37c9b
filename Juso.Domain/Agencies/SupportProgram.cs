namespace Juso.Domain.Agencies;

/// <summary>
/// The programs of 重層的支援体制整備事業 an agency carries out (社会福祉法第106条の4第2項 第1号〜第6号), for the
/// figures per program. An agency may carry several.
/// </summary>
[Flags]
public enum SupportProgram
{
    None = 0,
    ComprehensiveConsultation = 1,
    Participation = 2,
    CommunityBuilding = 4,
    Outreach = 8,
    MultiAgency = 16,
    PlanMaking = 32,
}

public static class SupportProgramLabels
{
    public static readonly IReadOnlyList<SupportProgram> All =
    [
        SupportProgram.ComprehensiveConsultation, SupportProgram.Participation, SupportProgram.CommunityBuilding,
        SupportProgram.Outreach, SupportProgram.MultiAgency, SupportProgram.PlanMaking,
    ];

    public static string Label(this SupportProgram program) => program switch
    {
        SupportProgram.ComprehensiveConsultation => "第1号 包括的相談支援事業",
        SupportProgram.Participation => "第2号 参加支援事業",
        SupportProgram.CommunityBuilding => "第3号 地域づくり事業",
        SupportProgram.Outreach => "第4号 アウトリーチ等を通じた継続的支援事業",
        SupportProgram.MultiAgency => "第5号 多機関協働事業",
        SupportProgram.PlanMaking => "第6号 支援プランの作成",
        _ => string.Join("・", All.Where(p => program.HasFlag(p)).Select(p => p.Label())),
    };
}
