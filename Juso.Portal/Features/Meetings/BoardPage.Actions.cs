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
        var saved = await RunAsync(() => Board.RecordDecisionAsync(Id, CurrentItemId, text),
            result => ("決定事項の記録", () => RemoveLatestAsync(result.Id)));
        StateHasChanged();
        return saved;
    }

    /// <summary>Removes a decision at its committed version: an undo fails as a conflict if someone revised it since.</summary>
    private Task<SaveResult> RemoveLatestAsync(int decisionId) =>
        _board?.Items.SelectMany(i => i.Decisions).FirstOrDefault(d => d.Id == decisionId) is { } decision
            ? Board.RemoveDecisionAsync(Id, decision.Id, decision.Version)
            : Task.FromResult(SaveResult.Conflict());

    private Task RemoveDecisionAsync(BoardDecision decision)
    {
        var itemId = CurrentItemId;
        return RunAsync(() => Board.RemoveDecisionAsync(Id, decision.Id, decision.Version),
            _ => ("決定事項の削除", () => Board.RecordDecisionAsync(Id, itemId, decision.Text)));
    }

    private Task RemoveActionAsync(BoardActionItem action)
    {
        var itemId = CurrentItemId;
        var again = new ActionItemForm { Text = action.Text, OwnerAgencyId = action.OwnerAgencyId, OwnerPerson = action.OwnerPerson, DueOn = action.DueOn.ToDateTime(TimeOnly.MinValue) };
        return RunAsync(() => Board.RemoveActionItemAsync(Id, action.Id, action.Version), _ => ("対応事項の削除", () => Board.AddActionItemAsync(Id, itemId, again)));
    }

    /// <summary>The chair takes back their last board action; the undo itself cannot be undone.</summary>
    private async Task UndoAsync()
    {
        if (_undo is { } undo)
        {
            _undo = null;
            await RunAsync(undo.Revert);
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
        await (await Dialogs.ShowAsync<BoardAssignmentDialog>(assignment is null ? "役割分担を追加" : $"役割分担を編集（{assignment.AgencyName}）", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true })).Result;
        await ReloadAsync();
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
        await (await Dialogs.ShowAsync<ActionItemDialog>(action is null ? "対応事項を追加" : "対応事項を修正", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true })).Result;
        await ReloadAsync();
    }

    /// <param name="undo">How the chair takes the action back, given what the save returned; only the last one is kept.</param>
    private async Task<bool> RunAsync(Func<Task<SaveResult>> save, Func<SaveResult, (string Label, Func<Task<SaveResult>> Revert)>? undo = null)
    {
        _busy = true;
        var result = await save();
        _busy = false;
        if (!result.Succeeded)
        {
            Snackbar.Add(string.Join(" ", result.Errors.Select(e => e.Message)), Severity.Error);
        }
        else if (_isChair)
        {
            _undo = undo?.Invoke(result);
        }
        await ReloadAsync();
        return result.Succeeded;
    }
}
