using System.Text;

namespace Juso.Domain.Common;

/// <summary>Collects broken rules so that a user sees every problem of a form at once, not one per try.</summary>
public sealed class RuleCheck
{
    private readonly List<DomainError> _errors = [];

    public RuleCheck Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            _errors.Add(new DomainError(field, message));
        }
        return this;
    }

    public RuleCheck RequireText(string? value, string field, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new DomainError(field, $"{label}を入力してください。"));
        }
        else if (value.Trim().Length > maxLength)
        {
            _errors.Add(new DomainError(field, $"{label}は{maxLength}文字以内で入力してください（現在{value.Trim().Length}文字）。"));
        }
        return this;
    }

    public RuleCheck OptionalText(string? value, string field, string label, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            _errors.Add(new DomainError(field, $"{label}は{maxLength}文字以内で入力してください（現在{value.Trim().Length}文字）。"));
        }
        return this;
    }

    /// <summary>
    /// Refuses text that Unicode normalization rejects: half of a surrogate pair (an emoji cut by a paste) or the
    /// noncharacter U+FFFE. Identity normalizes user names and addresses, and throws on such text.
    /// </summary>
    public RuleCheck WellFormed(string? value, string field, string label)
    {
        try
        {
            _ = value?.IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            _errors.Add(new DomainError(field, $"{label}に使えない文字が含まれています。入力し直してください。"));
        }
        return this;
    }

    public RuleCheck Add(IEnumerable<DomainError> errors)
    {
        _errors.AddRange(errors);
        return this;
    }

    public IReadOnlyList<DomainError> Errors => _errors;

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new DomainException(_errors.ToList());
        }
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
