using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Monitoring;
using Juso.Domain.Plans;

namespace Juso.Domain.Meetings;

/// <summary>What approving the minutes created, for the caller to add to the same save.</summary>
public sealed record CarryBackResult(IReadOnlyList<MonitoringReview> Reviews, IReadOnlyList<SupportPlan> NewPlans, IReadOnlyList<SupportCase> ChangedCases);

/// <summary>
/// 議事録の承認: the meeting decides, so each agenda item's outcome becomes a fact of its case, recorded on the case's
/// timeline with <see cref="Meeting.Reference"/>. Every broken rule of every item is collected and thrown at once,
/// each naming its case; the caller saves only when this returns, so the approval applies every outcome or none.
/// </summary>
public static class MinutesCarryBack
{
    /// <param name="cases">The cases on the agenda, by id (with their agencies, consents and events).</param>
    /// <param name="plans">The latest plan of each case that has one, by case id (with goals and assignments).</param>
    /// <param name="agencies">Every agency, by id: names for the agreed assignments, the carrying-on and intake agencies.</param>
    public static CarryBackResult Apply(Meeting meeting, IReadOnlyDictionary<int, SupportCase> cases, IReadOnlyDictionary<int, SupportPlan> plans,
        IReadOnlyDictionary<int, Agency> agencies, Actor actor, DateTimeOffset now)
    {
        meeting.CheckMinutesApproval(actor.UserId, now);
        // The assignments as the meeting agreed them, before a re-plan or a hand-back changes them.
        var agreed = meeting.Agenda.ToDictionary(a => a.Id, a => (IReadOnlyList<AgreedAssignment>)(a.SupportCaseId is { } caseId && plans.TryGetValue(caseId, out var plan)
            ? plan.Assignments.OrderBy(x => x.Id).Select(x => new AgreedAssignment(agencies.TryGetValue(x.AgencyId, out var agency) ? agency.Name : "（不明な機関）",
                x.PersonInCharge, x.Task, x.Frequency, x.Status.Label())).ToList()
            : []));

        var reviews = new List<MonitoringReview>();
        var newPlans = new List<SupportPlan>();
        var changed = new List<SupportCase>();
        var errors = new List<DomainError>();
        // A topic item has no outcome (Meeting.Conclude refuses one): its decisions are the record.
        foreach (var item in meeting.Agenda.Where(a => a.IsCase && a.Outcome != AgendaOutcome.None).OrderBy(a => a.Order))
        {
            var supportCase = cases[item.SupportCaseId!.Value];
            plans.TryGetValue(supportCase.Id, out var plan);
            try
            {
                if (!meeting.MayDiscuss(supportCase))
                {
                    throw new DomainException("本人同意がないため、重層的支援会議の結論をケースに反映できません。結論を「未定」に戻し、支援会議で扱ってください。");
                }
                var outcome = new Outcome(meeting, item, supportCase, plan, agencies, actor, now);
                outcome.Apply(reviews, newPlans);
                changed.Add(supportCase);
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors.Select(e => new DomainError(nameof(Meeting.Agenda), $"{supportCase.Number}（{item.Outcome.Label()}）: {e.Message}")));
            }
        }
        if (errors.Count > 0)
        {
            throw new DomainException(errors);
        }
        meeting.ApproveMinutes(actor.UserId, agreed, now);
        return new CarryBackResult(reviews, newPlans, changed);
    }

    private sealed record Outcome(Meeting Meeting, AgendaItem Item, SupportCase Case, SupportPlan? Plan, IReadOnlyDictionary<int, Agency> Agencies, Actor Actor, DateTimeOffset Now)
    {
        private string Reference => Meeting.Reference;

        public void Apply(List<MonitoringReview> reviews, List<SupportPlan> newPlans)
        {
            switch (Item.Outcome)
            {
                case AgendaOutcome.PlanApproved:
                    ApprovePlan();
                    break;
                case AgendaOutcome.Continued or AgendaOutcome.ReplanRequested when Plan is { Status: PlanStatus.Active }:
                    reviews.Add(RecordMonitoring());
                    if (Item.Outcome == AgendaOutcome.ReplanRequested)
                    {
                        newPlans.Add(Case.Replan(Plan, Truncate($"{Reference}のモニタリングで見直し: {Item.Findings}"), Actor, Now));
                    }
                    break;
                case AgendaOutcome.ReplanRequested:
                    // A plan approved but not started, or stopped when consent was withdrawn: nothing to monitor, re-plan on the decisions.
                    newPlans.Add(Case.Replan(Plan ?? throw new DomainException("再プランのもとになるプランがありません。"), Truncate(Summary()), Actor, Now));
                    break;
                case AgendaOutcome.Continued:
                    Case.NotePlanChange(Truncate($"{Reference}で現在の支援の継続を確認しました: {Summary()}"), Actor, Now);
                    break;
                case AgendaOutcome.ClosureEvaluated:
                    Close();
                    break;
                case AgendaOutcome.HandedBack:
                    HandBack();
                    break;
            }
        }

        /// <summary>
        /// A 支援プラン only by a 重層的支援会議, a 世帯丸ごと支援プラン by a 支援会議; a 重層的支援会議 given a 世帯丸ごと
        /// draft of a person who has since consented turns it into a 支援プラン draft, which it approves another time.
        /// </summary>
        private void ApprovePlan()
        {
            if (Plan is not { Status: PlanStatus.Draft })
            {
                throw new DomainException("承認できるプラン案がありません。");
            }
            if (Meeting.Kind == MeetingKind.Support && Plan.Kind == PlanKind.WithConsent)
            {
                throw new DomainException("支援プランは重層的支援会議で承認します。支援会議では承認できません。");
            }
            if (Meeting.Kind == MeetingKind.MultiLayered && Plan.Kind == PlanKind.WholeHousehold)
            {
                Plan.ConvertToWithConsent(Case, Now);
                Case.NotePlanChange($"本人同意を得たため、{Reference}で世帯丸ごと支援プラン案（第{Plan.PlanVersion}版）を支援プラン案に切り替えました。", Actor, Now);
                return;
            }
            Plan.Approve(Meeting.HeldOn, Reference, Now);
            Case.NotePlanChange($"{Plan.Kind.Label()}（第{Plan.PlanVersion}版）が{Reference}で承認されました。", Actor, Now);
        }

        private MonitoringReview RecordMonitoring()
        {
            var captured = Item.MonitoringCaptured ?? throw new DomainException("モニタリングの所見が会議ボードに記録されていません。");
            var review = MonitoringReview.Record(Plan!, new MonitoringDetails(Meeting.HeldOn, captured.Findings, captured.Goals, captured.Assignments,
                captured.NextDueOn ?? Meeting.HeldOn.AddDays(Plan!.MonitoringIntervalDays)), Actor, Now);
            Case.NotePlanChange($"{Reference}でモニタリングを行いました（{Item.Outcome.Label()}）。次回予定日: {review.NextDueOn:yyyy/MM/dd}", Actor, Now);
            return review;
        }

        private void Close()
        {
            if (Item.ClosureEvaluation is null)
            {
                throw new DomainException("終結の評価が会議ボードに記録されていません。");
            }
            var carryingOnId = Item.CarryingOnAgencyId ?? Case.LeadAgencyId;
            var carryingOn = carryingOnId is { } id ? Agencies.GetValueOrDefault(id) : null;
            Case.NotePlanChange($"{Reference}で終結を評価しました。", Actor, Now);
            Case.Close(Item.ClosureReason, Item.ClosureEvaluation, Reference, carryingOn, Plan, Actor, Now);
        }

        private void HandBack()
        {
            if (Item.HandBackReason is null)
            {
                throw new DomainException("包括的相談支援へ戻す理由が会議ボードに記録されていません。");
            }
            var intake = Case.IntakeAgencyId is { } id ? Agencies.GetValueOrDefault(id) : null;
            Case.NotePlanChange($"{Reference}で包括的相談支援へ戻すことを決めました。", Actor, Now);
            Case.HandBack(Item.HandBackReason, intake ?? throw new DomainException("受付・つなぎ元の機関が記録されていないため、戻せません。"), Plan, Actor, Now);
        }

        private string Summary()
        {
            var decisions = string.Join(" / ", Meeting.Decisions.Where(d => d.AgendaItemId == Item.Id).OrderBy(d => d.Id).Select(d => d.Text));
            return decisions.Length > 0 ? decisions : $"{Reference}で協議";
        }

        private static string Truncate(string text) => text.Length <= SupportPlan.NoteMaxLength ? text : text[..(SupportPlan.NoteMaxLength - 1)] + "…";
    }
}
