using Juso.Domain.Agencies;
using Juso.Domain.Cases;
using Juso.Domain.Meetings;
using Juso.Domain.Plans;

namespace Juso.Domain.Statistics;

/// <summary>
/// A figure and the cases behind it (distinct, for the drill-down). <see cref="Percent"/> is the share of the year's
/// 新規受付件数 where the row says so.
/// </summary>
public sealed record Figure(decimal Value, IReadOnlyList<int> CaseIds, decimal? Percent = null)
{
    public static Figure OfCases(IEnumerable<CaseFact> cases)
    {
        var ids = cases.Select(c => c.CaseId).ToList();
        return new Figure(ids.Count, ids);
    }
}

/// <summary>One row of the yearly report: its label, its 定義 note and how it is counted from a <see cref="YearScope"/>.</summary>
public sealed record ReportRow(string Key, string Group, string Label, string Definition, Func<YearScope, Figure?> Count, bool IsSubRow = false);

/// <summary>The rows of the yearly report, each defined here once (ADR 0019).</summary>
public static class ReportRows
{
    public const string New = "new";
    public const string Handled = "handled";
    public const string Plans = "plans";
    public const string MeetingsHeld = "meetings";
    public const string MultiLayeredMeetings = "meetings-multilayered";
    public const string SupportMeetings = "meetings-support";
    public const string AveragePerRegular = "meetings-average";
    public const string Closed = "closed";
    public const string HandedBack = "handed-back";

    public const string CountsGroup = "件数";
    public const string CategoryGroup = "相談分類（新規受付、複数計上）";

    public static readonly IReadOnlyList<ReportRow> Counts =
    [
        new(New, CountsGroup, "新規受付件数", "受付日がその年度（4月1日〜翌年3月31日）にあるケースの数。",
            s => Figure.OfCases(s.New)),
        new(Handled, CountsGroup, "対応件数", "その年度に一日でも継続していたケースの数（受付日が年度末日以前で、終結していないか終結日が年度初日以降）。新規受付件数＋前年度からの継続。",
            s => Figure.OfCases(s.Handled)),
        new("carried", CountsGroup, "うち前年度からの継続", "対応件数のうち、受付日が年度初日より前のケースの数。",
            s => Figure.OfCases(s.Handled.Where(c => c.IntakeDate < s.Year.FirstDay)), true),
        new(Plans, CountsGroup, "プラン作成件数", "会議で承認された日がその年度にあるプランの版の数（同じケースで年度内に2版承認されれば2件）。",
            s => PlanFigure(s.Plans)),
        new("plans-first", CountsGroup, "うち新規プラン", "プラン作成件数のうち第1版。", s => PlanFigure(s.Plans.Where(p => !ReportDefinitions.IsReplan(p))), true),
        new("plans-replan", CountsGroup, "うち再プラン", "プラン作成件数のうち第2版以降。", s => PlanFigure(s.Plans.Where(ReportDefinitions.IsReplan)), true),
        new("plans-consent", CountsGroup, "うち支援プラン", "プラン作成件数のうち本人同意のある支援プラン。", s => PlanFigure(s.Plans.Where(p => p.Kind == PlanKind.WithConsent)), true),
        new("plans-household", CountsGroup, "うち世帯丸ごと支援プラン", "プラン作成件数のうち同意のない世帯丸ごと支援プラン（支援会議）。",
            s => PlanFigure(s.Plans.Where(p => p.Kind == PlanKind.WholeHousehold)), true),
        new(Closed, CountsGroup, "終結件数", "終結日がその年度にあり、終結の評価を経て終結したケースの数（包括的相談支援へ戻したケースは含めない）。",
            s => Figure.OfCases(s.Ended.Where(c => !c.HandedBack))),
        new(HandedBack, CountsGroup, "包括的相談支援へ戻す", "その年度に、受け付けた機関を主担当として包括的相談支援へ戻したケースの数（終結件数とは別に数える）。",
            s => Figure.OfCases(s.Ended.Where(c => c.HandedBack))),
    ];

    public static readonly IReadOnlyList<ReportRow> Routes = Enum.GetValues<IntakeRoute>().Select(route =>
        new ReportRow($"route-{route}", "相談経路（新規受付）", route.Label(), $"新規受付件数のうち、相談経路が「{route.Label()}」のケースの数。",
            s => Share(s, s.New.Where(c => c.Route == route)))).ToList();

    public static readonly IReadOnlyList<ReportRow> Fields = Enum.GetValues<AgencyField>().Select(field => (AgencyField?)field).Append(null).Select(field =>
        new ReportRow($"field-{field?.ToString() ?? "none"}", "受付機関の分野（新規受付）", field?.Label() ?? "受付機関の記録なし",
            field is null
                ? "新規受付件数のうち、受け付けた（つないだ）機関の記録がないケースの数（推進員が直接受け付けたもの）。"
                : $"新規受付件数のうち、受け付けた（つないだ）機関の分野が「{field.Value.Label()}」のケースの数。つなぎ元があればその機関、なければ受付機関。",
            s => Share(s, s.New.Where(c => c.IntakeField == field)))).ToList();

    public static readonly IReadOnlyList<ReportRow> Meetings =
    [
        new(MeetingsHeld, "会議", "会議の開催回数", "開催日がその年度にあり、その日を迎えた会議の数（重層的支援会議と支援会議、定例と随時の合計）。",
            s => MeetingFigure(s.Meetings)),
        .. Enum.GetValues<MeetingKind>().SelectMany(kind => new[]
        {
            new ReportRow(kind switch { MeetingKind.MultiLayered => MultiLayeredMeetings, MeetingKind.Support => SupportMeetings, _ => $"meetings-{kind}" }, "会議", $"{kind.Label()}", $"開催回数のうち{kind.Label()}（定例・随時の合計）。",
                s => MeetingFigure(s.Meetings.Where(m => m.Kind == kind)), true),
        }.Concat(Enum.GetValues<MeetingCadence>().Select(cadence =>
            new ReportRow($"meetings-{kind}-{cadence}", "会議", $"{kind.Label()}（{cadence.Label()}）", $"開催回数のうち{kind.Label()}の{cadence.Label()}の会。",
                s => MeetingFigure(s.Meetings.Where(m => m.Kind == kind && m.Cadence == cadence)), true)))),
        new("meetings-cases", "会議", "検討したケース（延べ）", "開催した会議の議題に載ったケースの延べ数（同じケースが2回の会議で検討されれば2件）。",
            s => new Figure(s.Meetings.Sum(m => m.CaseIds.Count), s.Meetings.SelectMany(m => m.CaseIds).Distinct().ToList())),
        new(AveragePerRegular, "会議", "定例会1回あたりの検討ケース数", "定例会の議題に載ったケースの延べ数÷定例会の開催回数（小数第1位まで）。",
            s => AverageFigure(s.Meetings.Where(ReportDefinitions.IsRegular).ToList())),
    ];

    public static readonly IReadOnlyList<ReportRow> Monitoring =
    [
        new("monitoring-on-time", "モニタリング", "期限内に実施", "その年度に実施したモニタリングのうち、実施日が期限日以前（期限がまだなかったものを含む）のもの。",
            s => ReviewFigure(s.Reviews.Where(ReportDefinitions.IsOnTime))),
        new("monitoring-late", "モニタリング", "期限後に実施", "その年度に実施したモニタリングのうち、実施日が期限日より後のもの。",
            s => ReviewFigure(s.Reviews.Where(r => !ReportDefinitions.IsOnTime(r)))),
    ];

    public static readonly IReadOnlyList<ReportRow> Programs = SupportProgramLabels.All.Select(program =>
        new ReportRow($"program-{program}", "事業別（対応件数）", program.Label(),
            $"対応件数のうち、「{program.Label()}」を実施する機関（機関の設定による）が関わるケースの数。",
            s => Figure.OfCases(s.Handled.Where(c => c.AgencyIds.Any(a => s.AgencyPrograms.TryGetValue(a, out var p) && p.HasFlag(program)))))).ToList();

    /// <summary>One row per category code of the range; a year whose list lacks the code shows no figure there.</summary>
    public static IReadOnlyList<ReportRow> Categories(IReadOnlyList<Common.FiscalYear> years, IReadOnlyCollection<ConcernCategoryEntry> entries)
    {
        var inRange = entries.Where(e => years.Any(e.IsValidIn)).ToList();
        return inRange.GroupBy(e => e.Code)
            .OrderBy(g => g.OrderByDescending(e => e.FromYear).First().Order).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = g.OrderByDescending(e => e.FromYear).First();
                var names = g.OrderBy(e => e.FromYear).Select(e => $"{e.Name}（{Common.JapaneseFormat.FiscalYear(e.FromYear)}〜{(e.UntilYear is { } u ? Common.JapaneseFormat.FiscalYear(u) : string.Empty)}）");
                var definition = $"新規受付件数のうち、相談分類に「{latest.Name}」を含むケースの数（1件が複数の分類に数えられる）。割合は新規受付件数に対する比。"
                    + (g.Count() > 1 || latest.FromYear > years[0].StartYear || latest.UntilYear is not null ? $" 分類の変遷: {string.Join("、", names)}。" : string.Empty);
                var code = g.Key;
                return new ReportRow($"category-{code}", CategoryGroup, latest.Name, definition,
                    s => g.Any(e => e.IsValidIn(s.Year)) ? Share(s, s.New.Where(c => c.CategoryCodes.Contains(code))) : null);
            }).ToList();
    }

    private static Figure Share(YearScope scope, IEnumerable<CaseFact> cases)
    {
        var figure = Figure.OfCases(cases);
        return figure with { Percent = scope.New.Count == 0 ? null : Math.Round(figure.Value * 100m / scope.New.Count, 1) };
    }

    private static Figure PlanFigure(IEnumerable<PlanFact> plans)
    {
        var list = plans.ToList();
        return new Figure(list.Count, list.Select(p => p.CaseId).Distinct().ToList());
    }

    private static Figure MeetingFigure(IEnumerable<MeetingFact> meetings)
    {
        var list = meetings.ToList();
        return new Figure(list.Count, list.SelectMany(m => m.CaseIds).Distinct().ToList());
    }

    private static Figure AverageFigure(IReadOnlyList<MeetingFact> regular) =>
        new(regular.Count == 0 ? 0 : Math.Round((decimal)regular.Sum(m => m.CaseIds.Count) / regular.Count, 1), regular.SelectMany(m => m.CaseIds).Distinct().ToList());

    private static Figure ReviewFigure(IEnumerable<MonitoringFact> reviews)
    {
        var list = reviews.ToList();
        return new Figure(list.Count, list.Select(r => r.CaseId).Distinct().ToList());
    }
}
