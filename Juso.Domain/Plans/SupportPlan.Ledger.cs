using Juso.Domain.Cases;
using Juso.Domain.Common;

namespace Juso.Domain.Plans;

public partial class SupportPlan
{
    /// <summary>
    /// The plan versions a ledger records for a case as approval dates, from the first one the case does not have yet
    /// (<paramref name="existing"/>, in version order). Each version but the last is 評価済 from the next one's approval;
    /// the last is 実施中 from its approval day, or 評価済 on the closure day of a closed case. A ledger gives no goals or
    /// assignments and no monitoring schedule: those are taken up in Juso from the next review on.
    /// </summary>
    public static IReadOnlyList<SupportPlan> FromLedger(SupportCase supportCase, IReadOnlyList<SupportPlan> existing, IReadOnlyList<DateOnly> approvals,
        PlanKind kind, DateTimeOffset now)
    {
        var known = existing.Where(p => p.ApprovedOn is not null).Select(p => p.ApprovedOn!.Value).ToList();
        if (approvals.Count < known.Count || !known.SequenceEqual(approvals.Take(known.Count)))
        {
            throw new DomainException("プラン承認日は、取り込み済みの日付を変えずに後ろへ追加することだけができます。", nameof(ApprovedOn));
        }
        var added = new List<SupportPlan>();
        for (var i = known.Count; i < approvals.Count; i++)
        {
            var plan = new SupportPlan
            {
                SupportCaseId = supportCase.Id,
                PlanVersion = i + 1,
                Kind = kind,
                Status = PlanStatus.Active,
                LeadAgencyId = supportCase.LeadAgencyId,
                MonitoringIntervalDays = 90,
                ApprovedOn = approvals[i],
                StartOn = approvals[i],
                ApprovalNote = "台帳から取り込み",
            };
            plan.MarkCreated(now);
            added.Add(plan);
        }
        var all = existing.Concat(added).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            var endedOn = i + 1 < all.Count ? all[i + 1].ApprovedOn : supportCase.ClosedOn;
            if (endedOn is { } ended && all[i].Status is PlanStatus.Active or PlanStatus.Approved)
            {
                all[i].Status = PlanStatus.Evaluated;
                all[i].EndedOn = ended;
                all[i].EndNote = i + 1 < all.Count ? "台帳から取り込み（次の版の承認により終了）" : "台帳から取り込み（終結）";
                all[i].NextMonitoringDue = null;
                all[i].Touch(now);
            }
        }
        return added;
    }
}
