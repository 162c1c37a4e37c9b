using Juso.Domain.Common;
using Juso.Portal.Common;
using MudBlazor;

namespace Juso.Portal.Components.Shared;

/// <summary>
/// The result of this save, shown at once: the confirmations of earlier saves are cleared first, so the new one never
/// waits behind them (MudBlazor queues snackbars beyond the displayed maximum and drops a duplicate still showing).
/// </summary>
public static class SaveFeedback
{
    public static void Saved(this ISnackbar snackbar, string message) => Show(snackbar, message, Severity.Success);

    public static void Refused(this ISnackbar snackbar, IEnumerable<DomainError> errors) =>
        Show(snackbar, string.Join(" ", errors.Select(e => e.Message)), Severity.Error);

    /// <summary>Tells how a save went (saved, or why not) and whether it succeeded.</summary>
    public static bool Report(this ISnackbar snackbar, SaveResult result, string done)
    {
        if (result.Succeeded)
        {
            snackbar.Saved(done);
        }
        else
        {
            snackbar.Refused(result.Errors);
        }
        return result.Succeeded;
    }

    private static void Show(ISnackbar snackbar, string message, Severity severity)
    {
        snackbar.Clear();
        snackbar.Add(message, severity);
    }
}
