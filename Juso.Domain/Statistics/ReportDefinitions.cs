using Juso.Domain.Common;
using Juso.Domain.Meetings;

namespace Juso.Domain.Statistics;

/// <summary>
/// The one place each figure of the yearly report is defined (docs/adr/0019-report-definitions.md): which case, plan,
/// meeting or review counts in a 年度 (April–March, <see cref="FiscalYear"/>). The report, its drill-down and the
/// indicators all go through these.
/// </summary>
public static class ReportDefinitions
{
    /// <summary>新規受付件数: the intake date falls in the year.</summary>
    public static bool IsNew(CaseFact c, FiscalYear year) => year.Contains(c.IntakeDate);

    /// <summary>対応件数: open at any time in the year: taken in by its last day and not closed before its first.</summary>
    public static bool IsHandled(CaseFact c, FiscalYear year) => c.IntakeDate <= year.LastDay && (c.ClosedOn is null || c.ClosedOn >= year.FirstDay);

    /// <summary>Coordination ended in the year, by 終結 or by 包括的相談支援へ戻す (told apart by <see cref="CaseFact.HandedBack"/>).</summary>
    public static bool IsEnded(CaseFact c, FiscalYear year) => c.ClosedOn is { } closed && year.Contains(closed);

    /// <summary>プラン作成件数: a plan version approved at a meeting in the year; each version counts once.</summary>
    public static bool IsMade(PlanFact p, FiscalYear year) => year.Contains(p.ApprovedOn);

    /// <summary>再プラン: any version after the first.</summary>
    public static bool IsReplan(PlanFact p) => p.PlanVersion > 1;

    /// <summary>A meeting is held in the year when its day is in the year and has come (a scheduled one is not counted yet).</summary>
    public static bool IsHeld(MeetingFact m, FiscalYear year, DateOnly asOf) => year.Contains(m.HeldOn) && m.HeldOn <= asOf;

    /// <summary>A monitoring review done in the year.</summary>
    public static bool IsReviewed(MonitoringFact r, FiscalYear year) => year.Contains(r.ReviewedOn);

    /// <summary>On time: done by its due date, or before anything was due.</summary>
    public static bool IsOnTime(MonitoringFact r) => r.DueOn is null || r.ReviewedOn <= r.DueOn;

    public static bool IsRegular(MeetingFact m) => m.Cadence == MeetingCadence.Regular;
}

/// <summary>The facts of one 年度, selected once by <see cref="ReportDefinitions"/> for every row to count from.</summary>
public sealed class YearScope
{
    public YearScope(ReportFacts facts, FiscalYear year)
    {
        Year = year;
        AgencyPrograms = facts.AgencyPrograms;
        Handled = facts.Cases.Where(c => ReportDefinitions.IsHandled(c, year)).ToList();
        // Every new or ended case of the year was open in it, so both come from the handled ones.
        New = Handled.Where(c => ReportDefinitions.IsNew(c, year)).ToList();
        Ended = Handled.Where(c => ReportDefinitions.IsEnded(c, year)).ToList();
        Plans = facts.Plans.Where(p => ReportDefinitions.IsMade(p, year)).ToList();
        Meetings = facts.Meetings.Where(m => ReportDefinitions.IsHeld(m, year, facts.AsOf)).ToList();
        Reviews = facts.Monitoring.Where(r => ReportDefinitions.IsReviewed(r, year)).ToList();
    }

    public FiscalYear Year { get; }

    public IReadOnlyList<CaseFact> Handled { get; }

    public IReadOnlyList<CaseFact> New { get; }

    public IReadOnlyList<CaseFact> Ended { get; }

    public IReadOnlyList<PlanFact> Plans { get; }

    public IReadOnlyList<MeetingFact> Meetings { get; }

    public IReadOnlyList<MonitoringFact> Reviews { get; }

    public IReadOnlyDictionary<int, Agencies.SupportProgram> AgencyPrograms { get; }
}
