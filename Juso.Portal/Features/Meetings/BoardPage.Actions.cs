using Juso.Domain.Meetings;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Plans;
using MudBlazor;

namespace Juso.Portal.Features.Meetings;

/// <summary>What the people at the board do: the chair's actions (with the undo of the last one) and the edit dialogs.</summary>
public partial class BoardPage
{
    /// <summary>Agencies for the edit dialogs, loaded when one first opens: most viewers never edit.</summary>
    private async Task<IReadOnlyList<AgencyOption>> AgenciesAsync() => _agencies ??= await Board.AgencyOptionsAsync();

    private async Task ReloadAsync()
    {
        _board = await Board.ReloadAsync(Id, _user);
        if (_board is null)
        {
            await LeaveAsync();
        }
    }

    private async Task StartWallAsync()
    {
        var result = await Walls.StartAsync(Id);
        if (result.Succeeded)
        {
            Navigation.NavigateTo($"/meetings/{Id}/wall");
            return;
        }
        Snackbar.Add(string.Join(" ", result.Errors.Select(e => e.Message)), Severity.Error);
    }

    private Task StartAsync(BoardItem item)
    {
        var previous = _board!.CurrentItemId;
        return RunAsync(() => Board.StartItemAsync(Id, item.Id),
            previous is { } back ? _ => ("議題の切り替え", () => Board.StartItemAsync(Id, back)) : null);
    }

    private Task MaskAsync(bool masks) => RunAsync(() => Board.MaskNamesAsync(Id, masks));

    // The parts hand back what was clicked; the item is always the one under discussion in the committed state.
    private int CurrentItemId => _board!.Current!.Id;

    private Task ConcludeAsync(AgendaOutcome outcome)
    {
        var (itemId, before) = (CurrentItemId, _board!.Current!.Outcome);
        return RunAsync(() => Board.ConcludeAsync(Id, itemId, outcome), _ => ($"結論「{outcome.Label()}」", () => Board.ConcludeAsync(Id, itemId, before)));
    }

    private async Task<bool> AddDecisionAsync(string? text)
    {
        // Removed at the version the recording left: an undo fails as a conflict if someone revised the decision since.
        var saved = await RunAsync(() => Board.RecordDecisionAsync(Id, CurrentItemId, text),
            result => ("決定事項の記録", () => Board.RemoveDecisionAsync(Id, result.Id, result.Version)));
        StateHasChanged();
        return saved;
    }

    private Task RemoveDecisionAsync(BoardDecision decision)
    {
        var itemId = CurrentItemId;
        return RunAsync(() => Board.RemoveDecisionAsync(Id, decision.Id, decision.Version),
            _ => ("決定事項の削除", () => Board.RecordDecisionAsync(Id, itemId, decision.Text)));
    }

    private Task RemoveActionAsync(BoardActionItem action)
    {
        var itemId = CurrentItemId;
        return RunAsync(() => Board.RemoveActionItemAsync(Id, action.Id, action.Version),
            _ => ("対応事項の削除", () => Board.AddActionItemAsync(Id, itemId, ActionItemForm.From(action))));
    }

    /// <summary>The chair takes back their last board action still on the stack; the undo itself cannot be undone.</summary>
    private async Task UndoAsync()
    {
        if (_undo.TryTakeBack(out var label, out var revert))
        {
            await RunAsync(async () =>
            {
                var result = await revert();
                // Nothing typed is at stake: the board shows the later edit, which stays, and the chair is told why.
                return result.Status == SaveStatus.Conflict
                    ? SaveResult.Invalid($"「{label}」は取り消せませんでした。そのあと他の人が変更したため、いまの内容のままです。")
                    : result;
            });
        }
    }

    private async Task EditDecisionAsync(BoardDecision decision)
    {
        var parameters = new DialogParameters<DecisionDialog> { { d => d.MeetingId, Id }, { d => d.Decision, decision } };
        await (await Dialogs.ShowAsync<DecisionDialog>("決定事項を修正", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true })).Result;
        await ReloadAsync();
    }

    private async Task EditAssignmentAsync(AssignmentView? assignment)
    {
        var parameters = new DialogParameters<BoardAssignmentDialog>
        {
            { d => d.MeetingId, Id }, { d => d.ItemId, CurrentItemId }, { d => d.Assignment, assignment }, { d => d.Agencies, await AgenciesAsync() },
        };
        var itemId = CurrentItemId;
        var result = await (await Dialogs.ShowAsync<BoardAssignmentDialog>(assignment is null ? "役割分担を追加" : $"役割分担を編集（{assignment.AgencyName}）", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true })).Result;
        await ReloadAsync();
        // Taken back at the version the save itself left (not the reload's, which may already hold someone's next edit):
        // if someone changed it since, the undo is a conflict, not an overwrite.
        if (_isChair && result is { Canceled: false, Data: BoardEditSaved<AssignmentView?> { Replaced: { } replaced } saved })
        {
            _undo.Record($"役割分担の変更（{replaced.AgencyName}）",
                () => Board.UpdateAssignmentAsync(Id, itemId, replaced.Id, saved.Result.Version, AssignmentForm.From(replaced)));
        }
    }

    private async Task CaptureAsync()
    {
        var item = _board!.Current!;
        var parameters = new DialogParameters<OutcomeCaptureDialog> { { d => d.MeetingId, Id }, { d => d.Item, item }, { d => d.Agencies, await AgenciesAsync() } };
        await (await Dialogs.ShowAsync<OutcomeCaptureDialog>($"{BoardOutcome.CaptureLabel(item.Outcome)}を記録", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true })).Result;
        await ReloadAsync();
    }

    private async Task EditActionAsync(BoardActionItem? action)
    {
        var parameters = new DialogParameters<ActionItemDialog>
        {
            { d => d.MeetingId, Id }, { d => d.ItemId, CurrentItemId }, { d => d.Action, action }, { d => d.Agencies, await AgenciesAsync() }, { d => d.MeetingDay, Juso.Domain.Common.JapanDate.Today(Juso.Domain.Common.JapanDate.FromUtc(_board!.ScheduledAt)) },
        };
        var result = await (await Dialogs.ShowAsync<ActionItemDialog>(action is null ? "対応事項を追加" : "対応事項を修正", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true })).Result;
        await ReloadAsync();
        if (_isChair && result is { Canceled: false, Data: BoardEditSaved<BoardActionItem?> { Replaced: { } replaced } saved })
        {
            _undo.Record("対応事項の修正", () => Board.ReviseActionItemAsync(Id, replaced.Id, saved.Result.Version, ActionItemForm.From(replaced)));
        }
    }

    /// <param name="undo">How the chair takes the action back, given what the save returned; it joins the chair's undo stack.</param>
    private async Task<bool> RunAsync(Func<Task<SaveResult>> save, Func<SaveResult, (string Label, Func<Task<SaveResult>> Revert)>? undo = null)
    {
        _busy = true;
        var result = await save();
        _busy = false;
        if (!result.Succeeded)
        {
            Snackbar.Add(string.Join(" ", result.Errors.Select(e => e.Message)), Severity.Error);
        }
        else if (_isChair && undo?.Invoke(result) is { } step)
        {
            _undo.Record(step.Label, step.Revert);
        }
        await ReloadAsync();
        return result.Succeeded;
    }
}

/// <summary>What an edit dialog saved: the values it replaced and the save's result, whose version the chair's undo is checked against.</summary>
public sealed record BoardEditSaved<T>(T Replaced, SaveResult Result);
