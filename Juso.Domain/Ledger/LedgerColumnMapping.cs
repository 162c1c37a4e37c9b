using Juso.Domain.Common;

namespace Juso.Domain.Ledger;

/// <summary>What a column heading was mapped to at the last import, so that the next ledger of the same layout needs no mapping.</summary>
public class LedgerColumnMapping : Entity
{
    public const int HeadingMaxLength = 100;
    public const int TargetMaxLength = 60;

    protected LedgerColumnMapping()
    {
        Heading = string.Empty;
        Target = string.Empty;
    }

    /// <summary>The heading as compared (<see cref="LedgerMapping.NormalizeHeading"/>).</summary>
    public string Heading { get; private set; }

    /// <summary>The target's <see cref="ColumnTarget.Key"/>.</summary>
    public string Target { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static LedgerColumnMapping For(string heading, DateTimeOffset now) =>
        new() { Heading = LedgerMapping.NormalizeHeading(heading), UpdatedAt = now.UtcDateTime };

    public void Set(ColumnTarget target, DateTimeOffset now)
    {
        Target = target.Key;
        UpdatedAt = now.UtcDateTime;
    }
}
