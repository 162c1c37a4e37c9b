using Juso.Domain.Common;

namespace Juso.Domain.Statistics;

/// <summary>One indicator's target in a 年度 (owned by <see cref="IndicatorTargets"/>).</summary>
public class IndicatorTarget
{
    protected IndicatorTarget()
    {
    }

    internal IndicatorTarget(Indicator indicator, decimal value)
    {
        Indicator = indicator;
        Value = value;
    }

    public Indicator Indicator { get; private set; }

    public decimal Value { get; private set; }
}

/// <summary>目標値 of one 年度, set by an administrator; saved as a whole so that two people editing the same year conflict visibly.</summary>
public class IndicatorTargets : AggregateRoot
{
    public const decimal MaxValue = 1_000_000m;

    private readonly List<IndicatorTarget> _targets = [];

    protected IndicatorTargets()
    {
    }

    public int FiscalYear { get; private set; }

    public IReadOnlyList<IndicatorTarget> Targets => _targets;

    public static IndicatorTargets For(FiscalYear year, DateTimeOffset now)
    {
        var targets = new IndicatorTargets { FiscalYear = year.StartYear };
        targets.MarkCreated(now);
        return targets;
    }

    /// <summary>Replaces the year's targets; an indicator without a value has no target. Every wrong value is reported at once.</summary>
    public void Set(IReadOnlyDictionary<Indicator, decimal?> values, DateTimeOffset now)
    {
        var check = new RuleCheck();
        foreach (var (indicator, value) in values)
        {
            var label = Enum.IsDefined(indicator) ? IndicatorDefinition.Of(indicator).Label : indicator.ToString();
            check.Require(Enum.IsDefined(indicator), indicator.ToString(), "不明な指標です。")
                .Require(value is null || (value >= 0 && value <= MaxValue), indicator.ToString(), $"{label}の目標値は0から{MaxValue:N0}までの数で入力してください。")
                .Require(value is null || decimal.Round(value.Value, 1) == value, indicator.ToString(), $"{label}の目標値は小数第1位までで入力してください。");
        }
        check.ThrowIfAny();
        _targets.Clear();
        _targets.AddRange(values.Where(v => v.Value is not null).OrderBy(v => v.Key).Select(v => new IndicatorTarget(v.Key, v.Value!.Value)));
        Touch(now);
    }

    public decimal? TargetOf(Indicator indicator) => _targets.FirstOrDefault(t => t.Indicator == indicator)?.Value;
}
