using Juso.Domain.Agencies;
using Juso.Domain.Common;

namespace Juso.Domain.Plans;

/// <summary>What one agency does in the plan, as a form or a meeting board gives it.</summary>
public sealed record AssignmentDetails(int? AgencyId, string? PersonInCharge, string? Task, string? Frequency, AssignmentStatus Status, DateOnly? StartOn, DateOnly? EndOn);

/// <summary>
/// 役割分担: an agency's task in a plan. Versioned on its own, so that two people changing two different
/// assignments (a meeting edits them live) do not conflict, while two changing the same one do.
/// </summary>
public class RoleAssignment : Entity, IVersioned
{
    public const int PersonMaxLength = 50;
    public const int TaskMaxLength = 500;
    public const int FrequencyMaxLength = 50;

    protected RoleAssignment()
    {
        Task = string.Empty;
    }

    public int SupportPlanId { get; private set; }

    public int Version { get; private set; }

    public int AgencyId { get; private set; }

    public string? PersonInCharge { get; private set; }

    public string Task { get; private set; }

    public string? Frequency { get; private set; }

    public AssignmentStatus Status { get; private set; }

    public DateOnly? StartOn { get; private set; }

    public DateOnly? EndOn { get; private set; }

    internal static RoleAssignment From(AssignmentDetails details, Agency? agency, string prefix)
    {
        var assignment = new RoleAssignment();
        assignment.Apply(details, agency, prefix);
        return assignment;
    }

    internal void Apply(AssignmentDetails details, Agency? agency, string prefix)
    {
        new RuleCheck()
            .Require(agency is not null && agency.Id == details.AgencyId, prefix + nameof(AgencyId), "役割を担う機関を選択してください（登録されている機関のみ選べます）。")
            .Require(agency is null || agency.IsActive || agency.Id == AgencyId, prefix + nameof(AgencyId), "休止中の機関には新しく役割を割り当てられません。")
            .RequireText(details.Task, prefix + nameof(Task), "役割（支援内容）", TaskMaxLength)
            .OptionalText(details.PersonInCharge, prefix + nameof(PersonInCharge), "担当者", PersonMaxLength)
            .OptionalText(details.Frequency, prefix + nameof(Frequency), "頻度", FrequencyMaxLength)
            .Require(Enum.IsDefined(details.Status), prefix + nameof(Status), "役割の状況を選択してください。")
            .Require(details.StartOn is null || details.EndOn is null || details.EndOn >= details.StartOn, prefix + nameof(EndOn), "終了日は開始日以降の日付を入力してください。")
            .ThrowIfAny();
        AgencyId = agency!.Id;
        PersonInCharge = RuleCheck.Clean(details.PersonInCharge);
        Task = details.Task!.Trim();
        Frequency = RuleCheck.Clean(details.Frequency);
        Status = details.Status;
        StartOn = details.StartOn;
        EndOn = details.EndOn;
    }

    internal RoleAssignment CopyForNextVersion() => new()
    {
        AgencyId = AgencyId,
        PersonInCharge = PersonInCharge,
        Task = Task,
        Frequency = Frequency,
        Status = Status,
        StartOn = StartOn,
        EndOn = EndOn,
    };
}
