using Juso.Domain.Common;
using Juso.Domain.Meetings;

namespace Juso.Domain.Outreach;

/// <summary>
/// アウトリーチプラン: the goal and the way of reaching a lead (who goes, how, how often). Approved by a
/// 重層的支援会議 when the person consented; without consent it can only be discussed in a 支援会議, whose members
/// are sworn to confidentiality. A new version replaces the last; approved versions stay as records.
/// </summary>
public class OutreachPlan : AggregateRoot
{
    public const int GoalMaxLength = 1000;
    public const int ApproachMaxLength = 2000;

    protected OutreachPlan()
    {
        Goal = string.Empty;
        Approach = string.Empty;
        DraftedByName = string.Empty;
    }

    public int LeadId { get; private set; }

    /// <summary>第N版.</summary>
    public int Number { get; private set; }

    public string Goal { get; private set; }

    /// <summary>方針: who reaches out, how and how often.</summary>
    public string Approach { get; private set; }

    public string DraftedByName { get; private set; }

    public int? MeetingId { get; private set; }

    public MeetingKind? MeetingKind { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    public bool IsApproved => ApprovedOn is not null;

    public static OutreachPlan Draft(OutreachLead lead, int number, string? goal, string? approach, Actor actor, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(lead.IsOpen, nameof(LeadId), "支援につながった・終了した対象者のプランは作成できません。")
            .RequireText(goal, nameof(Goal), "目標", GoalMaxLength)
            .RequireText(approach, nameof(Approach), "働きかけの方針", ApproachMaxLength)
            .ThrowIfAny();
        var plan = new OutreachPlan { LeadId = lead.Id, Number = number, Goal = goal!.Trim(), Approach = approach!.Trim(), DraftedByName = actor.Name };
        plan.MarkCreated(now);
        return plan;
    }

    /// <summary>
    /// The meeting's agreement: a 重層的支援会議 for a lead who consented, a 支援会議 for one who has not (the plan is
    /// then shared only among its sworn members). The meeting must have taken place.
    /// </summary>
    public void Approve(OutreachLead lead, int meetingId, MeetingKind kind, DateOnly heldOn, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(!IsApproved, nameof(ApprovedOn), "このプランはすでに承認されています。")
            .Require(lead.IsOpen, nameof(LeadId), "支援につながった・終了した対象者のプランは承認できません。")
            .Require(!lead.HasConsent || kind == Meetings.MeetingKind.MultiLayered, nameof(MeetingId),
                "本人の同意がある対象者のアウトリーチプランは、重層的支援会議で承認してください。")
            .Require(lead.HasConsent || kind == Meetings.MeetingKind.Support, nameof(MeetingId),
                "本人の同意がない対象者のアウトリーチプランは、支援会議（守秘義務のある会議）で協議してください。")
            .Require(heldOn <= JapanDate.Today(now), nameof(MeetingId), "まだ開催されていない会議では承認できません。")
            .Require(heldOn >= JapanDate.Today(new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc))), nameof(MeetingId),
                "プラン作成より前に開催された会議では承認できません。")
            .ThrowIfAny();
        MeetingId = meetingId;
        MeetingKind = kind;
        ApprovedOn = heldOn;
        Touch(now);
    }
}
