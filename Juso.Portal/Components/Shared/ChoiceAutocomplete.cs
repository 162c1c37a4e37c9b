using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace Juso.Portal.Components.Shared;

/// <summary>
/// The portal's autocomplete: a <see cref="MudAutocomplete{T}"/> whose Enter never picks from a list shown for older text.
/// MudAutocomplete searches <see cref="MudAutocomplete{T}.DebounceInterval"/> ms after a keystroke, and Enter picks the
/// highlighted item of the list it shows at that moment: pressed sooner, it took the first item of the list as it was
/// before the typing (on focus, every option), so a fast typist chose the wrong agency. Here an Enter pressed while the
/// list is behind the text waits for the search of the text and picks its first item, as if the user had waited.
/// Mouse choices and ↑/↓ act on the list the user sees and are left as they are.
/// Where the typed text is the value (<see cref="MudAutocomplete{T}.CoerceValue"/>), the text on screen when the field is
/// left is the value, even if an input event of the typing never reached the server (docs/adr/0038).
/// </summary>
public sealed class ChoiceAutocomplete<T> : MudAutocomplete<T>
{
    private readonly Func<string?, CancellationToken, Task<IEnumerable<T>>?> _searchInTurn;
    private readonly EventCallback<KeyboardEventArgs> _keyDown;
    private readonly EventCallback<KeyboardEventArgs> _keyUp;
    private readonly EventCallback<ChangeEventArgs> _left;
    private Func<string?, CancellationToken, Task<IEnumerable<T>>?>? _search;
    private EventCallback<KeyboardEventArgs> _pageKeyDown;
    private EventCallback<KeyboardEventArgs> _pageKeyUp;
    private (string? Text, IEnumerable<T> Items)? _answered;
    private bool _enterWhileBehind;
    private string? _typed;

    public ChoiceAutocomplete()
    {
        _searchInTurn = SearchAsync;
        _keyDown = EventCallback.Factory.Create<KeyboardEventArgs>(this, KeyDownAsync);
        _keyUp = EventCallback.Factory.Create<KeyboardEventArgs>(this, KeyUpAsync);
        _left = EventCallback.Factory.Create<ChangeEventArgs>(this, LeftAsync);
    }

    // The page's search runs through SearchAsync, which notes the text each answer is for. The keys are watched through
    // OnKeyDown/OnKeyUp, which MudAutocomplete calls after handling a key (it calls its base class's key handlers
    // directly, so an override of them never runs); the page's own handlers, if any, are called from these.
    protected override void OnParametersSet()
    {
        base.OnParametersSet();
        if (SearchFunc != _searchInTurn)
        {
            _search = SearchFunc;
            SearchFunc = _search is null ? null : _searchInTurn;
        }
        if (!OnKeyDown.Equals(_keyDown))
        {
            (_pageKeyDown, OnKeyDown) = (OnKeyDown, _keyDown);
        }
        if (!OnKeyUp.Equals(_keyUp))
        {
            (_pageKeyUp, OnKeyUp) = (OnKeyUp, _keyUp);
        }
        // MudInput binds only "input" (Immediate); the browser's "change", fired when the field is left with edited text,
        // carries the text on screen.
        if (CoerceValue && !UserAttributes.ContainsKey("onchange"))
        {
            UserAttributes = new Dictionary<string, object?>(UserAttributes) { ["onchange"] = _left };
        }
    }

    // Typed text arrives ahead of the value it becomes; a choice sets the value first, then its text.
    protected override Task SetTextAndUpdateValueAsync(string? text, bool updateValue = true)
    {
        if (updateValue && text != ConvertSet(ReadValue))
        {
            _typed = text;
        }
        return base.SetTextAndUpdateValueAsync(text, updateValue);
    }

    /// <summary>
    /// The field was left with text edited since it got focus. Text the typing already sent is no news: a choice made
    /// since may not have reached the screen yet (Enter, then Tab at once), and the choice stands.
    /// </summary>
    private async Task LeftAsync(ChangeEventArgs args)
    {
        if (args.Value is string shown && shown != (ReadText ?? string.Empty) && shown != _typed)
        {
            Logger.LogWarning("An autocomplete was left with text the server had not received ({Shown} characters on screen, {Known} known); the text on screen is kept.", shown.Length, ReadText?.Length ?? 0);
            await SetValueAndUpdateTextAsync(ConvertGet(shown), updateText: true);
        }
    }

    private Task KeyDownAsync(KeyboardEventArgs args)
    {
        _enterWhileBehind = IsEnter(args) && !args.IsComposing && Open && _answered?.Text != ReadText;
        if (_enterWhileBehind)
        {
            // MudAutocomplete picks on key up from the list it shows; closed, it searches the text instead, and the
            // choice is made once that search has answered (KeyUpAsync runs after it).
            Open = false;
        }
        return _pageKeyDown.InvokeAsync(args);
    }

    private async Task KeyUpAsync(KeyboardEventArgs args)
    {
        if (IsEnter(args) && _enterWhileBehind)
        {
            _enterWhileBehind = false;
            var items = _answered is { } answered && answered.Text == ReadText ? answered.Items : await SearchAsync(ReadText, CancellationToken.None);
            foreach (var first in items.Where(i => ItemDisabledFunc?.Invoke(i) != true).Take(1))
            {
                await SelectOptionAsync(first);
            }
        }
        await _pageKeyUp.InvokeAsync(args);
    }

    private async Task<IEnumerable<T>> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        var typed = ReadText;
        var items = (await (_search?.Invoke(text, cancellationToken) ?? Task.FromResult(Enumerable.Empty<T>()))).ToList();
        if (!cancellationToken.IsCancellationRequested)
        {
            _answered = (typed, items);
        }
        return items;
    }

    private static bool IsEnter(KeyboardEventArgs args) => args.Key is "Enter" or "NumpadEnter";
}
