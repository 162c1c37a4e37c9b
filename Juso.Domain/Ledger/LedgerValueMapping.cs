using Juso.Domain.Common;

namespace Juso.Domain.Ledger;

/// <summary>Which master data a value of a ledger names: 紹介元機関 and 主担当機関 name an agency, 相談分類 a category.</summary>
public enum LedgerValueKind
{
    Agency,
    Category,
}

/// <summary>
/// What a value the master data does not know was mapped to at the last import (an agency's id or a category's code),
/// so that the next ledger saying the same needs no mapping.
/// </summary>
public class LedgerValueMapping : Entity
{
    public const int ValueMaxLength = 100;
    public const int TargetMaxLength = 30;

    protected LedgerValueMapping()
    {
        Value = string.Empty;
        Target = string.Empty;
    }

    public LedgerValueKind Kind { get; private set; }

    /// <summary>The value as compared (<see cref="LedgerText.Key"/>).</summary>
    public string Value { get; private set; }

    /// <summary>The agency's id or the category's code.</summary>
    public string Target { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Whether a value can be remembered: a cell longer than any master name is a typo, not a name to keep.</summary>
    public static bool CanRemember(string value) => LedgerText.Key(value) is { Length: > 0 and <= ValueMaxLength };

    public static LedgerValueMapping For(LedgerValueKind kind, string value, DateTimeOffset now) =>
        new() { Kind = kind, Value = LedgerText.Key(value), UpdatedAt = now.UtcDateTime };

    public void Set(string target, DateTimeOffset now)
    {
        Target = target;
        UpdatedAt = now.UtcDateTime;
    }
}
