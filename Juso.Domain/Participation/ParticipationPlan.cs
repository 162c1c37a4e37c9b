using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;
using Juso.Domain.Plans;

namespace Juso.Domain.Participation;

/// <summary>The matching agreed with the person and the host (受入先の準備).</summary>
/// <param name="PersonWishes">本人の希望.</param>
/// <param name="HostBriefing">What the host was told of the person (with the person's consent).</param>
/// <param name="HostAgreement">What the host agreed to (受入の内容・配慮).</param>
/// <param name="ConsentOn">When the person consented to the host being told.</param>
public sealed record MatchingDetails(int? ResourceId, string? PersonWishes, string? HostBriefing, string? HostAgreement, DateOnly? ConsentOn,
    DateOnly? MatchedOn, DateOnly? TrialFrom, DateOnly? TrialUntil);

public sealed record FollowUpDetails(DateOnly? VisitedOn, FollowUpTarget Target, string? Note, DateOnly? NextDueOn);

/// <summary>
/// 参加支援プラン for one member of a case's household: a goal, candidate resources, the matching with the host's
/// preparation and the person's consent, a trial period, follow-up visits on a schedule, and an outcome.
/// R4: it exists only under a 支援プラン that uses 参加支援 and that a 重層的支援会議 approved.
/// </summary>
public class ParticipationPlan : AggregateRoot
{
    public const int TextMaxLength = 1000;
    public const int MinFollowUpIntervalDays = 7;
    public const int MaxFollowUpIntervalDays = 180;
    public const int MaxCandidates = 10;

    private readonly List<ParticipationCandidate> _candidates = [];
    private readonly List<ParticipationFollowUp> _followUps = [];

    protected ParticipationPlan()
    {
        Goal = string.Empty;
        WorkerUserId = string.Empty;
        WorkerName = string.Empty;
    }

    public int SupportCaseId { get; private set; }

    /// <summary>The person (a member of the case's household).</summary>
    public int HouseholdMemberId { get; private set; }

    /// <summary>The approved 支援プラン that says 参加支援 is used.</summary>
    public int SupportPlanId { get; private set; }

    /// <summary>The participation-support worker who follows it up (reminders go to them).</summary>
    public string WorkerUserId { get; private set; }

    public string WorkerName { get; private set; }

    public string Goal { get; private set; }

    public ParticipationStatus Status { get; private set; }

    public DateOnly CreatedOn { get; private set; }

    public int FollowUpIntervalDays { get; private set; }

    public int? MatchedResourceId { get; private set; }

    public string? PersonWishes { get; private set; }

    public string? HostBriefing { get; private set; }

    public string? HostAgreement { get; private set; }

    public DateOnly? ConsentOn { get; private set; }

    public DateOnly? MatchedOn { get; private set; }

    public DateOnly? TrialFrom { get; private set; }

    public DateOnly? TrialUntil { get; private set; }

    public DateOnly? NextFollowUpDue { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public ParticipationOutcome? Outcome { get; private set; }

    public string? OutcomeNote { get; private set; }

    public IReadOnlyList<ParticipationCandidate> Candidates => _candidates;

    public IReadOnlyList<ParticipationFollowUp> FollowUps => _followUps;

    /// <summary>
    /// R4 in one place: why <paramref name="plan"/> does not allow a 参加支援プラン, or null when it does. The plan must say
    /// 参加支援 is used and be a 支援プラン a 重層的支援会議 approved (a 支援会議 approves only 世帯丸ごと支援プラン, which is never
    /// shared with a host); the case must still have the person's consent.
    /// </summary>
    public static string? WhyNotAllowed(SupportCase supportCase, SupportPlan? plan)
    {
        if (plan is null)
        {
            return "このケースにはプランがありません。参加支援は、参加支援を使うと定めた支援プランが重層的支援会議で承認されてから始めます。";
        }
        if (plan.SupportCaseId != supportCase.Id)
        {
            return "別のケースのプランです。";
        }
        if (!plan.UsesParticipationSupport)
        {
            return $"{plan.Kind.Label()}（第{plan.PlanVersion}版）は参加支援を使うと定めていません。プランで「参加支援」を選び、重層的支援会議で承認を受けてください。";
        }
        if (plan.Kind != PlanKind.WithConsent)
        {
            return "世帯丸ごと支援プラン（本人同意なし）では参加支援を始められません。受入先に本人の情報を伝えるには本人同意と、重層的支援会議で承認された支援プランが必要です。";
        }
        if (plan.Status is not (PlanStatus.Approved or PlanStatus.Active) || plan.ApprovedOn is null)
        {
            return $"支援プラン（第{plan.PlanVersion}版）は「{plan.Status.Label()}」です。参加支援は重層的支援会議で承認された支援プランのもとでだけ始められます。";
        }
        if (supportCase.CurrentConsent != ConsentStatus.Obtained)
        {
            return "本人同意が得られていない（または撤回された）ため、参加支援を始められません。";
        }
        return null;
    }

    /// <param name="household">The case's household, with its members.</param>
    /// <param name="memberId">The person, a member of <paramref name="household"/>.</param>
    public static ParticipationPlan Create(SupportCase supportCase, SupportPlan? plan, Household household, int? memberId, string? goal, int followUpIntervalDays,
        Actor worker, DateTimeOffset now)
    {
        if (WhyNotAllowed(supportCase, plan) is { } reason)
        {
            throw new DomainException(reason);
        }
        new RuleCheck()
            .Require(memberId is not null, nameof(HouseholdMemberId), "参加支援の対象となる世帯員を選択してください。")
            .Require(memberId is null || (household.Id == supportCase.HouseholdId && household.Members.Any(m => m.Id == memberId)), nameof(HouseholdMemberId),
                "このケースの世帯員を選択してください。")
            .RequireText(goal, nameof(Goal), "参加支援の目標", TextMaxLength)
            .Require(followUpIntervalDays is >= MinFollowUpIntervalDays and <= MaxFollowUpIntervalDays, nameof(FollowUpIntervalDays),
                $"フォローアップの間隔は{MinFollowUpIntervalDays}日から{MaxFollowUpIntervalDays}日の間で入力してください。")
            .ThrowIfAny();
        var created = new ParticipationPlan
        {
            SupportCaseId = supportCase.Id,
            HouseholdMemberId = memberId!.Value,
            SupportPlanId = plan!.Id,
            WorkerUserId = worker.UserId,
            WorkerName = worker.Name,
            Goal = goal!.Trim(),
            Status = ParticipationStatus.Preparing,
            CreatedOn = JapanDate.Today(now),
            FollowUpIntervalDays = followUpIntervalDays,
        };
        created.MarkCreated(now);
        return created;
    }

    /// <summary>
    /// The goal as the person and the worker now see it: revised at any stage until the plan ends; an ended plan keeps the
    /// goal its outcome was judged against.
    /// </summary>
    public void ReviseGoal(string? goal, DateTimeOffset now)
    {
        new RuleCheck()
            .Require(Status != ParticipationStatus.Ended, nameof(Goal), "終了した参加支援プランの目標は変更できません。")
            .RequireText(goal, nameof(Goal), "参加支援の目標", TextMaxLength)
            .ThrowIfAny();
        Goal = goal!.Trim();
        Touch(now);
    }

    /// <summary>The resources considered with the person, replaced as a whole while preparing.</summary>
    public void SetCandidates(IReadOnlyList<SocialResource> resources, DateTimeOffset now)
    {
        EnsureStatus(ParticipationStatus.Preparing, "候補の社会資源はマッチングの前に選びます。");
        new RuleCheck()
            .Require(resources.Count <= MaxCandidates, nameof(Candidates), $"候補は{MaxCandidates}件までです。")
            .Require(resources.All(r => r.AcceptsParticipants), nameof(Candidates), "受入可の社会資源だけを候補にできます（不足・休止中・アーカイブの資源は選べません）。")
            .ThrowIfAny();
        _candidates.Clear();
        _candidates.AddRange(resources.DistinctBy(r => r.Id).Select((r, i) => new ParticipationCandidate(r.Id, i + 1)));
        Touch(now);
    }

    /// <summary>
    /// マッチング: the person chose a resource, the host was prepared (told what the person agreed to share, and agreed
    /// to take them), and a trial period starts. The first follow-up is due one interval into the trial.
    /// </summary>
    public void Match(SocialResource? resource, MatchingDetails details, DateTimeOffset now)
    {
        EnsureStatus(ParticipationStatus.Preparing, "マッチングは準備中のプランで行います。");
        var today = JapanDate.Today(now);
        new RuleCheck()
            .Require(resource is not null, nameof(MatchingDetails.ResourceId), "受入先の社会資源を選択してください。")
            .Require(resource is null || resource.AcceptsParticipants, nameof(MatchingDetails.ResourceId),
                $"「{resource?.Name}」は{resource?.Status.Label()}のため受入先にできません。")
            .RequireText(details.PersonWishes, nameof(MatchingDetails.PersonWishes), "本人の希望", TextMaxLength)
            .RequireText(details.HostBriefing, nameof(MatchingDetails.HostBriefing), "受入先に伝えた内容", TextMaxLength)
            .RequireText(details.HostAgreement, nameof(MatchingDetails.HostAgreement), "受入先が了承した内容", TextMaxLength)
            .Require(details.ConsentOn is not null, nameof(MatchingDetails.ConsentOn), "受入先に情報を伝えることへの本人の同意日を入力してください。")
            .Require(details.ConsentOn is null || details.ConsentOn <= today, nameof(MatchingDetails.ConsentOn), "同意日に未来の日付は入力できません。")
            .Require(details.MatchedOn is not null, nameof(MatchingDetails.MatchedOn), "マッチング日を入力してください。")
            .Require(details.MatchedOn is null || details.MatchedOn <= today, nameof(MatchingDetails.MatchedOn), "マッチング日に未来の日付は入力できません。")
            .Require(details.MatchedOn is null || details.ConsentOn is null || details.ConsentOn <= details.MatchedOn, nameof(MatchingDetails.ConsentOn),
                "受入先に伝える前に本人の同意が必要です。同意日はマッチング日以前の日付を入力してください。")
            .Require(details.TrialFrom is not null, nameof(MatchingDetails.TrialFrom), "試行期間の開始日を入力してください。")
            .Require(details.TrialUntil is not null, nameof(MatchingDetails.TrialUntil), "試行期間の終了日を入力してください。")
            .Require(details.TrialFrom is null || details.MatchedOn is null || details.TrialFrom >= details.MatchedOn, nameof(MatchingDetails.TrialFrom),
                "試行期間はマッチング日以降に始めてください。")
            .Require(details.TrialFrom is null || details.TrialUntil is null || details.TrialUntil > details.TrialFrom, nameof(MatchingDetails.TrialUntil),
                "試行期間の終了日は開始日より後の日付を入力してください。")
            .ThrowIfAny();
        MatchedResourceId = resource!.Id;
        PersonWishes = details.PersonWishes!.Trim();
        HostBriefing = details.HostBriefing!.Trim();
        HostAgreement = details.HostAgreement!.Trim();
        ConsentOn = details.ConsentOn;
        MatchedOn = details.MatchedOn;
        TrialFrom = details.TrialFrom;
        TrialUntil = details.TrialUntil;
        NextFollowUpDue = details.TrialFrom!.Value.AddDays(FollowUpIntervalDays);
        Status = ParticipationStatus.Trial;
        Touch(now);
    }

    /// <summary>A visit to the host, the person or both; sets when the next one is due (by default one interval on).</summary>
    public ParticipationFollowUp RecordFollowUp(FollowUpDetails details, Actor actor, DateTimeOffset now)
    {
        if (Status == ParticipationStatus.Ended)
        {
            throw new DomainException($"終了した参加支援プランにはフォローアップを記録できません（{EndedOn:yyyy/MM/dd}に「{Outcome?.Label()}」で終了）。");
        }
        EnsureMatched();
        var today = JapanDate.Today(now);
        new RuleCheck()
            .Require(details.VisitedOn is not null, nameof(FollowUpDetails.VisitedOn), "訪問日を入力してください。")
            .Require(details.VisitedOn is null || details.VisitedOn <= today, nameof(FollowUpDetails.VisitedOn), "訪問日に未来の日付は入力できません。")
            .Require(details.VisitedOn is null || MatchedOn is null || details.VisitedOn >= MatchedOn, nameof(FollowUpDetails.VisitedOn), "訪問日はマッチング日以降の日付を入力してください。")
            .Require(Enum.IsDefined(details.Target), nameof(FollowUpDetails.Target), "訪問先（受入先・本人）を選択してください。")
            .RequireText(details.Note, nameof(FollowUpDetails.Note), "フォローアップの内容", TextMaxLength)
            .Require(details.NextDueOn is null || details.VisitedOn is null || details.NextDueOn > details.VisitedOn, nameof(FollowUpDetails.NextDueOn),
                "次回の予定日は訪問日より後の日付を入力してください。")
            .ThrowIfAny();
        var followUp = new ParticipationFollowUp(details.VisitedOn!.Value, details.Target, details.Note!.Trim(), actor.Name, NextFollowUpDue);
        _followUps.Add(followUp);
        NextFollowUpDue = details.NextDueOn ?? details.VisitedOn.Value.AddDays(FollowUpIntervalDays);
        Touch(now);
        return followUp;
    }

    /// <summary>The trial went well: the person keeps going and the worker follows up until the tie is stable (定着支援).</summary>
    public void CompleteTrial(DateTimeOffset now)
    {
        EnsureStatus(ParticipationStatus.Trial, "試行期間を終えられるのは試行中のプランだけです。");
        if (_followUps.Count == 0)
        {
            throw new DomainException("試行期間を終える前に、受入先または本人へのフォローアップを1回以上記録してください。");
        }
        Status = ParticipationStatus.Following;
        Touch(now);
    }

    /// <summary>Ends the plan with its outcome; follow-ups and reminders stop.</summary>
    public void End(ParticipationOutcome outcome, string? note, DateOnly? endedOn, DateTimeOffset now)
    {
        if (Status == ParticipationStatus.Ended)
        {
            throw new DomainException("この参加支援プランはすでに終了しています。");
        }
        new RuleCheck()
            .Require(Enum.IsDefined(outcome), nameof(Outcome), "結果を選択してください。")
            .RequireText(note, nameof(OutcomeNote), "結果の説明", TextMaxLength)
            .Require(endedOn is not null, nameof(EndedOn), "終了日を入力してください。")
            .Require(endedOn is null || endedOn <= JapanDate.Today(now), nameof(EndedOn), "終了日に未来の日付は入力できません。")
            .Require(endedOn is null || endedOn >= CreatedOn, nameof(EndedOn), "終了日はプランの作成日以降の日付を入力してください。")
            .ThrowIfAny();
        Status = ParticipationStatus.Ended;
        Outcome = outcome;
        OutcomeNote = note!.Trim();
        EndedOn = endedOn;
        NextFollowUpDue = null;
        Touch(now);
    }

    private void EnsureMatched()
    {
        if (Status == ParticipationStatus.Preparing)
        {
            throw new DomainException("フォローアップはマッチングの後に記録します。先に受入先とのマッチングを記録してください。");
        }
    }

    private void EnsureStatus(ParticipationStatus expected, string message)
    {
        if (Status != expected)
        {
            throw new DomainException($"{message}（このプランは「{Status.Label()}」です）");
        }
    }
}
