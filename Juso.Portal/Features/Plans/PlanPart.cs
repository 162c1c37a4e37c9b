using Juso.Portal.Common;
using Juso.Portal.Components.Shared;
using Juso.Portal.Features.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Juso.Portal.Features.Plans;

/// <summary>
/// A form of the plan tab. It edits against the plan version it was given; losing a race keeps the typing, shows the saved
/// values and who saved them (<see cref="EditConflict"/>), and the next save goes against the version now shown.
/// </summary>
public abstract class PlanPart : ComponentBase
{
    private string? _given;
    private DateTime _since;

    [Inject]
    protected PlanService Plans { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Parameter, EditorRequired]
    public CaseDetail Case { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanView Plan { get; set; } = default!;

    [Parameter]
    public IReadOnlyList<AgencyOption> Agencies { get; set; } = [];

    /// <summary>Raised after a save: the tab reloads the plan.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    /// <summary>The plan as last read: what a save is checked against.</summary>
    protected PlanView Base { get; private set; } = default!;

    /// <summary>The case version as last read: what a change of the case's stage is checked against.</summary>
    protected int CaseVersion { get; private set; }

    protected EditConflict? Conflict { get; private set; }

    protected string? Error { get; private set; }

    protected bool Busy { get; private set; }

    public bool IsDirty { get; private set; }

    protected override void OnParametersSet()
    {
        // The tab reloads the plan whenever the case page renders: only a saved change resets the form, and never while a
        // conflict is shown, so what the user typed is not wiped.
        var given = $"{Case.Version}/{Plan.Id}/{Plan.Version}/" + string.Join(",", Plan.Assignments.Select(a => $"{a.Id}.{a.Version}"));
        if (given != _given && Conflict is null)
        {
            _given = given;
            Base = Plan;
            CaseVersion = Case.Version;
            _since = Time.GetUtcNow().UtcDateTime;
            Reset();
            IsDirty = false;
        }
    }

    /// <summary>Fills the form from <see cref="Base"/>.</summary>
    protected abstract void Reset();

    /// <summary>An edit context that remembers unsaved typing, so leaving the page asks first.</summary>
    protected EditContext Tracked(object model)
    {
        var context = new EditContext(model);
        context.OnFieldChanged += (_, _) => IsDirty = true;
        return context;
    }

    /// <summary>The saved values took the place of the typed ones.</summary>
    protected void TakeSaved()
    {
        Conflict = null;
        _since = Time.GetUtcNow().UtcDateTime;
        Reset();
        IsDirty = false;
    }

    /// <param name="save">The save, against the plan as last read.</param>
    /// <param name="conflictOf">The saved values beside the typed ones, given the plan as saved now (null when it is gone).</param>
    protected async Task SaveAsync(Func<PlanView, Task<SaveResult>> save, string done, FormErrors? errors, Func<PlanView?, IReadOnlyList<ConflictField>?> conflictOf)
    {
        Busy = true;
        Error = null;
        try
        {
            var result = await save(Base);
            switch (result.Status)
            {
                case SaveStatus.Saved:
                    Conflict = null;
                    IsDirty = false;
                    Snackbar.Saved(done);
                    await Saved.InvokeAsync();
                    break;
                case SaveStatus.Conflict:
                    var (latest, caseVersion, by) = await Plans.SavedStateAsync(Case.Id, Base.Id, _since);
                    Base = latest ?? Base;
                    CaseVersion = caseVersion;
                    _since = Time.GetUtcNow().UtcDateTime;
                    var fields = conflictOf(latest);
                    Conflict = new EditConflict(by, fields ?? []) { Removed = fields is null };
                    break;
                default:
                    if (errors is not null)
                    {
                        errors.Show(result.Errors);
                    }
                    else
                    {
                        Error = string.Join(" ", result.Errors.Select(e => e.Message));
                    }
                    break;
            }
        }
        finally
        {
            Busy = false;
        }
    }
}
