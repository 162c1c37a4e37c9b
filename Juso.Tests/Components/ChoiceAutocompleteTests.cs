using Bunit;
using Bunit.Rendering;
using Juso.Portal.Components.Shared;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Juso.Tests.Components;

/// <summary>
/// Enter right after typing picks from the list for the text typed, not from the list shown before it (the import page's
/// agency chosen by a fast typist). The clock is fake: the search delay never elapses by itself, as when Enter beats it.
/// </summary>
public sealed class ChoiceAutocompleteTests : PortalComponentTest
{
    private static readonly string[] Agencies = ["こども家庭センター", "東部地域包括支援センター", "西部地域包括支援センター"];

    private string? _chosen;

    [Fact]
    public async Task EnterWithinTheSearchDelay_PicksTheFirstMatchOfTheTypedText()
    {
        var page = RenderChoice<ChoiceAutocomplete<string>>();

        await OpenAndTypeAsync(page, "東部");
        await PressEnterAsync(page);

        Assert.Equal("東部地域包括支援センター", _chosen);
        Assert.Empty(page.FindAll(".mud-popover-open .mud-list-item"));
    }

    [Fact]
    public async Task MudAutocompleteItself_PicksTheFirstItemOfTheListBeforeTheTyping_WhichIsWhyThePortalWrapsIt()
    {
        var page = RenderChoice<MudAutocomplete<string>>();

        await OpenAndTypeAsync(page, "東部");
        await PressEnterAsync(page);

        Assert.Equal("こども家庭センター", _chosen);
    }

    [Fact]
    public async Task EnterOnAListThatMatchesTheText_PicksTheItemMovedTo()
    {
        var page = RenderChoice<ChoiceAutocomplete<string>>(debounce: 0);
        await OpenAndTypeAsync(page, "地域包括");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".mud-list-item").Count));

        await page.Find("#agency").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        await PressEnterAsync(page);

        Assert.Equal("西部地域包括支援センター", _chosen);
    }

    [Fact]
    public async Task EnterWithinTheSearchDelay_ForTextMatchingNothing_ChoosesNothing()
    {
        var page = RenderChoice<ChoiceAutocomplete<string>>();

        await OpenAndTypeAsync(page, "北部");
        await PressEnterAsync(page);

        Assert.Null(_chosen);
    }

    [Fact]
    public async Task PhraseLeftWithTextTheServerNeverGot_KeepsTheTextOnScreen()
    {
        // Under load an input event of the typing can fail to reach the circuit (docs/adr/0038); leaving the field sends
        // the browser's change event with the text on screen, which is what 保存 must store.
        var page = RenderPhrase("月2回の家庭訪問");
        var input = page.Find("#role");
        await input.FocusAsync(new FocusEventArgs());

        await input.ChangeAsync(new ChangeEventArgs { Value = "週1回の訪問で様子を確認する" });

        Assert.Equal("週1回の訪問で様子を確認する", _chosen);
        Assert.Equal("週1回の訪問で様子を確認する", page.Find("#role").GetAttribute("value"));
    }

    [Fact]
    public async Task PhraseLeftWithTheTextTheServerHas_ChangesNothing()
    {
        var page = RenderPhrase("月2回の家庭訪問");
        var input = page.Find("#role");
        await input.InputAsync(new ChangeEventArgs { Value = "週1回" });
        _chosen = null;

        await input.ChangeAsync(new ChangeEventArgs { Value = "週1回" });

        Assert.Null(_chosen);
    }

    [Fact]
    public async Task PhraseChosenByEnter_ThenLeftBeforeTheScreenShowedIt_KeepsTheChoice()
    {
        var page = RenderPhrase(string.Empty);
        var input = page.Find("#role");
        await input.FocusAsync(new FocusEventArgs());
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".mud-list-item").Count));
        await input.InputAsync(new ChangeEventArgs { Value = "月2" });
        await input.KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
        await input.KeyUpAsync(new KeyboardEventArgs { Key = "Enter" });
        Assert.Equal("月2回の家庭訪問", _chosen);

        // Tab pressed before the chosen text reached the screen: the change event still carries what was typed.
        await input.ChangeAsync(new ChangeEventArgs { Value = "月2" });

        Assert.Equal("月2回の家庭訪問", _chosen);
    }

    /// <summary>Focus opens the list with every agency; then the text is typed.</summary>
    private static async Task OpenAndTypeAsync(IRenderedComponent<ContainerFragment> page, string text)
    {
        await page.Find("#agency").FocusAsync(new FocusEventArgs());
        page.WaitForAssertion(() => Assert.Equal(Agencies.Length, page.FindAll(".mud-list-item").Count));
        await page.Find("#agency").InputAsync(new ChangeEventArgs { Value = text });
    }

    private static async Task PressEnterAsync(IRenderedComponent<ContainerFragment> page)
    {
        await page.Find("#agency").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
        await page.Find("#agency").KeyUpAsync(new KeyboardEventArgs { Key = "Enter" });
    }

    private IRenderedComponent<ContainerFragment> RenderChoice<TComponent>(int debounce = 100) where TComponent : MudAutocomplete<string> =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<TComponent>(1);
            builder.AddAttribute(2, nameof(MudAutocomplete<string>.InputId), "agency");
            builder.AddAttribute(3, nameof(MudAutocomplete<string>.SearchFunc), (Func<string?, CancellationToken, Task<IEnumerable<string>>?>)Search);
            builder.AddAttribute(4, nameof(MudAutocomplete<string>.DebounceInterval), debounce);
            builder.AddAttribute(5, nameof(MudAutocomplete<string>.MaxItems), (int?)null);
            builder.AddAttribute(6, nameof(MudAutocomplete<string>.ValueChanged), EventCallback.Factory.Create<string?>(this, value => _chosen = value));
            builder.CloseComponent();
        });

    private IRenderedComponent<ContainerFragment> RenderPhrase(string value) =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<PhraseField>(1);
            builder.AddAttribute(2, nameof(PhraseField.InputId), "role");
            builder.AddAttribute(3, nameof(PhraseField.Phrases), (IReadOnlyList<string>)["月2回の家庭訪問", "週1回"]);
            builder.AddAttribute(4, nameof(PhraseField.Value), value);
            builder.AddAttribute(5, nameof(PhraseField.ValueChanged), EventCallback.Factory.Create<string?>(this, v => _chosen = v));
            builder.CloseComponent();
        });

    // Answers after a yield, as the portal's searches over the database do.
    private static async Task<IEnumerable<string>> Search(string? text, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return Agencies.Where(a => string.IsNullOrEmpty(text) || a.Contains(text, StringComparison.Ordinal)).ToList();
    }
}
