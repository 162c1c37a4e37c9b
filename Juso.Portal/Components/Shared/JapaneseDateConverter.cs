using System.Globalization;
using Juso.Domain.Common;
using MudBlazor;

namespace Juso.Portal.Components.Shared;

/// <summary>
/// The text of a date field: shown as 2026/04/01, read in every form <see cref="JapaneseDateParser"/> accepts (和暦 too).
/// A date that does not exist fails with the parser's Japanese reason, which the field shows under itself.
/// </summary>
public sealed class JapaneseDateConverter : IReversibleConverter<DateTime?, string?>
{
    public static readonly JapaneseDateConverter Instance = new();

    public string? Convert(DateTime? input) => input?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    public DateTime? ConvertBack(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        return JapaneseDateParser.TryParse(input, out var date, out var error)
            ? date.ToDateTime(TimeOnly.MinValue)
            : throw new FormatException(error);
    }
}
