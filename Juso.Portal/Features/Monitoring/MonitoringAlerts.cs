using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Notifications;
using Juso.Domain.Plans;
using Juso.Infrastructure.Identity;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Monitoring;

/// <summary>An active plan whose next monitoring is due, with what the alert jobs need to address it.</summary>
public sealed record DuePlan(int CaseId, int FiscalYear, int Sequence, int PlanVersion, DateOnly DueOn, int? CoordinatorStaffId, int? LeadAgencyId)
{
    public string CaseNumber => SupportCase.FormatNumber(FiscalYear, Sequence);
}

/// <summary>The scan behind the monitoring alerts, and who each alert goes to.</summary>
public static class MonitoringAlerts
{
    /// <summary>
    /// Plans in force whose next monitoring is due on or before <paramref name="until"/>: active plans of open cases,
    /// leaving out a 支援プラン whose consent was withdrawn. A review moves the due date, so a reviewed plan drops out.
    /// Served by the index on Plans (Status, NextMonitoringDue); see bench/Juso.Bench.Reminders.
    /// </summary>
    /// <param name="latestFirst">Order by due date from the latest (the least overdue first) instead of the earliest.</param>
    public static IQueryable<DuePlan> DueBy(JusoDbContext db, DateOnly earliest, DateOnly until, bool latestFirst = false)
    {
        var due = from p in db.Plans.AsNoTracking()
                  join c in db.Cases.AsNoTracking() on p.SupportCaseId equals c.Id
                  where p.Status == PlanStatus.Active && p.NextMonitoringDue >= earliest && p.NextMonitoringDue <= until
                        && c.Stage != CaseStage.Closed
                        && !(p.Kind == PlanKind.WithConsent && c.CurrentConsent == ConsentStatus.Withdrawn)
                  select new { p, c };
        var ordered = latestFirst
            ? due.OrderByDescending(x => x.p.NextMonitoringDue).ThenByDescending(x => x.c.Id)
            : due.OrderBy(x => x.p.NextMonitoringDue).ThenBy(x => x.c.Id);
        return ordered.Select(x => new DuePlan(x.c.Id, x.c.FiscalYear, x.c.Sequence, x.p.PlanVersion, x.p.NextMonitoringDue!.Value, x.c.CoordinatorStaffId,
            x.p.LeadAgencyId ?? x.c.LeadAgencyId));
    }

    /// <summary>The earliest date the scans look back to; older due dates are still "overdue".</summary>
    public static readonly DateOnly Beginning = new(2000, 1, 1);

    /// <summary>
    /// One draft per recipient of each plan's alert: the coordinator, and (when <paramref name="toSupervisors"/>) the
    /// supervisors of the lead agency and of the coordinator's agency. Whoever is missing is replaced by the administrators, with the reason.
    /// Supervisors' mail is held for their daily digest when it is on.
    /// </summary>
    public static async Task<IReadOnlyList<AlertDraft>> DraftsAsync(JusoDbContext db, IReadOnlyList<DuePlan> plans, bool toSupervisors, bool digestSupervisors,
        Func<DuePlan, (NotificationKind Kind, int Level, string Title, string Body)> describe, CancellationToken cancellationToken)
    {
        if (plans.Count == 0)
        {
            return [];
        }
        var coordinatorStaffIds = plans.Select(p => p.CoordinatorStaffId).OfType<int>().Distinct().ToList();
        var coordinators = await AlertRecipients.ByStaffAsync(db, coordinatorStaffIds, cancellationToken);
        var coordinatorAgencies = await db.Staff.AsNoTracking().Where(s => coordinatorStaffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.AgencyId, cancellationToken);
        var supervisors = toSupervisors
            ? await AlertRecipients.ByAgencyAsync(db, plans.Select(p => p.LeadAgencyId).Concat(coordinatorAgencies.Values.Select(a => (int?)a)).OfType<int>().Distinct().ToList(), JusoRoles.Supervisor, cancellationToken)
            : Enumerable.Empty<Recipient>().ToLookup(r => 0);
        var administrators = await AlertRecipients.AdministratorsAsync(db, cancellationToken);
        var agencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        var drafts = new List<AlertDraft>();
        foreach (var plan in plans)
        {
            var (kind, level, title, body) = describe(plan);
            var to = new Dictionary<string, (Recipient Recipient, MailState Mail, List<string> Reasons)>();
            void Add(Recipient recipient, MailState mail, string? reason)
            {
                if (!to.TryGetValue(recipient.UserId, out var entry))
                {
                    entry = (recipient, recipient.Email is { Length: > 0 } ? mail : MailState.None, []);
                    to[recipient.UserId] = entry;
                }
                if (reason is not null)
                {
                    entry.Reasons.Add(reason);
                }
            }

            var coordinatorUsers = plan.CoordinatorStaffId is { } staffId ? coordinators[staffId].ToList() : [];
            foreach (var user in coordinatorUsers)
            {
                Add(user, MailState.Pending, null);
            }
            if (coordinatorUsers.Count == 0)
            {
                var reason = plan.CoordinatorStaffId is null
                    ? "このケースにはコーディネーターが設定されていないため、管理者にお知らせしています。"
                    : "このケースのコーディネーターに有効なアカウントがないため、管理者にお知らせしています。";
                foreach (var admin in administrators)
                {
                    Add(admin, MailState.Pending, reason);
                }
            }
            if (toSupervisors)
            {
                // The lead agency's supervisors, and those of the coordinator's own agency (who oversee the coordinator's work).
                var responsible = new[] { plan.LeadAgencyId, plan.CoordinatorStaffId is { } c && coordinatorAgencies.TryGetValue(c, out var a) ? a : null }
                    .OfType<int>().Distinct().SelectMany(agency => supervisors[agency]).ToList();
                foreach (var user in responsible)
                {
                    Add(user, digestSupervisors ? MailState.Held : MailState.Pending, null);
                }
                if (responsible.Count == 0)
                {
                    var reason = plan.LeadAgencyId is { } lead
                        ? $"主担当機関（{agencyNames.GetValueOrDefault(lead, "不明な機関")}）にスーパーバイザーがいないため、管理者にお知らせしています。"
                        : "このケースには主担当機関が設定されていないため、管理者にお知らせしています。";
                    foreach (var admin in administrators)
                    {
                        Add(admin, MailState.Pending, reason);
                    }
                }
            }
            foreach (var (userId, entry) in to)
            {
                drafts.Add(new AlertDraft(new NotificationKey(kind, plan.CaseId, plan.DueOn, userId, level), plan.CaseId, title, body, $"/cases/{plan.CaseId}",
                    entry.Reasons.Count == 0 ? null : string.Join(" ", entry.Reasons), entry.Mail));
            }
        }
        return drafts;
    }

    public static string DueText(DuePlan plan) => $"ケース {plan.CaseNumber} の支援プラン（第{plan.PlanVersion}版）";

    public static string Date(DateOnly date) => JapaneseFormat.WarekiDateWithWeekday(date);
}
