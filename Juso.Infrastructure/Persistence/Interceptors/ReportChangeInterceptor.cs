using System.Data.Common;
using System.Runtime.CompilerServices;
using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Domain.Monitoring;
using Juso.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Juso.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Tells <see cref="ReportYearCache"/> which 年度 a save changes the report of: from the earliest year a changed fact
/// falls in (a case's intake, a plan's approval, a review, a meeting), before the save and again once it is committed,
/// so that a report loading in between cannot keep what it read. Only the columns <see cref="ReportQueries"/> reads
/// count: a case touched by a contact record or a plan's next due date leaves the kept years alone.
/// </summary>
public sealed class ReportChangeInterceptor(ReportYearCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, StrongBox<int>> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SaveScan.End(eventData.Context);
        Committed(eventData.Context, inTransaction: eventData.Context?.Database.CurrentTransaction is not null);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SaveScan.End(eventData.Context);
        Committed(eventData.Context, inTransaction: eventData.Context?.Database.CurrentTransaction is not null);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => SaveScan.End(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveScan.End(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => SaveScan.End(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveScan.End(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context, inTransaction: false);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context, inTransaction: false);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null || !cache.Enabled || EarliestYear(context) is not { } year)
        {
            return;
        }
        cache.Invalidate(year);
        var pending = _pending.GetOrCreateValue(context);
        pending.Value = Math.Min(pending.Value == 0 ? int.MaxValue : pending.Value, year);
    }

    /// <summary>Once the rows are committed (at the end of an explicit transaction, or of the save itself), once more.</summary>
    private void Committed(DbContext? context, bool inTransaction)
    {
        if (context is null || inTransaction || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }
        _pending.Remove(context);
        cache.Invalidate(pending.Value);
    }

    /// <summary>The first 年度 whose figures the pending changes may move (int.MinValue: any), or null when none.</summary>
    private static int? EarliestYear(DbContext context)
    {
        // The scan VersionInterceptor began for this save: changes detected once, owners found by key.
        var scan = SaveScan.Of(context);
        int? earliest = null;
        void Mark(int year) => earliest = Math.Min(earliest ?? int.MaxValue, year);
        void MarkDate(object? value)
        {
            if (value is DateOnly date)
            {
                Mark(FiscalYear.Of(date).StartYear);
            }
            else if (value is DateTime utc)
            {
                // Meetings are stored at a UTC instant; a day's margin covers the Japan date it falls on.
                Mark(FiscalYear.Of(JapanDate.Today(JapanDate.FromUtc(utc)).AddDays(-1)).StartYear);
            }
        }
        void MarkDates(EntityEntry entry, string property)
        {
            MarkDate(entry.Property(property).OriginalValue);
            MarkDate(entry.Property(property).CurrentValue);
        }
        void MarkOwner<TOwner>(EntityEntry part, string foreignKey, string dateProperty)
            where TOwner : class
        {
            var owners = new[] { part.Property(foreignKey).OriginalValue, part.Property(foreignKey).CurrentValue }.Distinct()
                .Select(id => scan.Find(context.Model.FindEntityType(typeof(TOwner))!, [id]))
                .OfType<EntityEntry>()
                .ToList();
            if (owners.Count == 0)
            {
                Mark(int.MinValue);
            }
            owners.ForEach(o => MarkDates(o, dateProperty));
        }

        foreach (var entry in scan.Entries.Where(e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified))
        {
            bool Changed(params string[] properties) =>
                entry.State != EntityState.Modified || properties.Any(p => entry.Property(p).IsModified);
            switch (entry.Entity)
            {
                case SupportCase when Changed(nameof(SupportCase.IntakeDate), nameof(SupportCase.ClosedOn), nameof(SupportCase.IsHandedBack),
                    nameof(SupportCase.IntakeRoute), nameof(SupportCase.ReferringAgencyId)):
                    MarkDates(entry, nameof(SupportCase.IntakeDate));
                    break;
                case CaseConcern or CaseAgency:
                    MarkOwner<SupportCase>(entry, "SupportCaseId", nameof(SupportCase.IntakeDate));
                    break;
                case SupportPlan when Changed(nameof(SupportPlan.ApprovedOn), nameof(SupportPlan.PlanVersion), nameof(SupportPlan.Kind),
                    nameof(SupportPlan.UsesOutreach), nameof(SupportPlan.UsesParticipationSupport), nameof(SupportPlan.SupportCaseId)):
                    MarkDates(entry, nameof(SupportPlan.ApprovedOn));
                    break;
                case MonitoringReview when Changed(nameof(MonitoringReview.ReviewedOn), nameof(MonitoringReview.DueOn), nameof(MonitoringReview.SupportCaseId)):
                    MarkDates(entry, nameof(MonitoringReview.ReviewedOn));
                    break;
                case Meeting when Changed(nameof(Meeting.ScheduledAt), nameof(Meeting.Kind), nameof(Meeting.Cadence)):
                    MarkDates(entry, nameof(Meeting.ScheduledAt));
                    break;
                case AgendaItem when Changed(nameof(AgendaItem.SupportCaseId), nameof(AgendaItem.Subject), nameof(AgendaItem.MeetingId)):
                    MarkOwner<Meeting>(entry, nameof(AgendaItem.MeetingId), nameof(Meeting.ScheduledAt));
                    break;
                case Agency when entry.State != EntityState.Added && Changed(nameof(Agency.Field), nameof(Agency.Programs)):
                case ConcernCategoryEntry:
                    Mark(int.MinValue);
                    break;
            }
        }
        return earliest;
    }
}
