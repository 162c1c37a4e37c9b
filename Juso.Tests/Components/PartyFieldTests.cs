using Bunit;
using Bunit.Rendering;
using Juso.Portal.Components.Shared;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Juso.Tests.Components;

/// <summary>相談者 and 情報源 are chosen; only 「その他」 is typed, and text kept before the choices existed still reads back.</summary>
public sealed class PartyFieldTests : PortalComponentTest
{
    private static readonly IReadOnlyList<PartyOption> Consulters = PartyChoices.Consulters(["山田\u3000和子（父母）"], ["東部地域包括支援センター"]);

    [Fact]
    public void NoConsulter_ReadsAs本人()
    {
        var field = RenderField(null, _ => { });

        Assert.Equal("本人", field.Find("#c").GetAttribute("value"));
        Assert.Empty(field.FindAll("#c-other"));
    }

    [Fact]
    public void TextTypedBeforeTheChoices_ShowsAsOther_WithThatText()
    {
        var field = RenderField("民生委員 田中", _ => { });

        Assert.Equal("その他", field.Find("#c").GetAttribute("value"));
        Assert.Equal("民生委員 田中", field.Find("#c-other").GetAttribute("value"));
    }

    [Fact]
    public async Task ChoosingAMember_KeepsTheMember_ChoosingOther_AsksForText()
    {
        string? value = null;
        var field = RenderField(value, v => value = v);
        var select = field.FindComponent<MudSelect<int>>();

        await field.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(1));
        Assert.Equal("山田\u3000和子（父母）", value);

        await field.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(int.MaxValue));
        Assert.Equal(string.Empty, value);
        await field.Find("#c-other").ChangeAsync(new ChangeEventArgs { Value = " 近所の薬局 " });
        Assert.Equal("近所の薬局", value);
    }

    [Fact]
    public void OptionsMovingWhileThePageIsOpen_TheChoiceShownFollowsTheValueKept()
    {
        // The intake adds a member's option above the agencies as the member is typed.
        var value = "東部地域包括支援センター";
        var field = Render<PartyField>(p => p.Add(x => x.Value, value).Add(x => x.Options, PartyChoices.Consulters([], ["東部地域包括支援センター"]))
            .Add(x => x.InputId, "c").Add(x => x.Label, "相談者"));
        Assert.Equal("東部地域包括支援センター", field.Find("#c").GetAttribute("value"));

        field.Render(p => p.Add(x => x.Options, Consulters));
        Assert.Equal("東部地域包括支援センター", field.Find("#c").GetAttribute("value"));

        // A member renamed after being chosen: the text kept reads back as 「その他」 with that text, never as another option.
        field.Render(p => p.Add(x => x.Value, "山田\u3000和子（父母）"));
        field.Render(p => p.Add(x => x.Options, PartyChoices.Consulters(["山田\u3000和子（祖父母）"], ["東部地域包括支援センター"])));
        Assert.Equal("その他", field.Find("#c").GetAttribute("value"));
        Assert.Equal("山田\u3000和子（父母）", field.Find("#c-other").GetAttribute("value"));
    }

    private IRenderedComponent<ContainerFragment> RenderField(string? value, Action<string?> changed) =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<PartyField>(1);
            builder.AddAttribute(2, nameof(PartyField.Value), value);
            builder.AddAttribute(3, nameof(PartyField.Options), Consulters);
            builder.AddAttribute(4, nameof(PartyField.InputId), "c");
            builder.AddAttribute(5, nameof(PartyField.Label), "相談者");
            builder.AddAttribute(6, nameof(PartyField.ValueChanged), EventCallback.Factory.Create<string?>(this, changed));
            builder.CloseComponent();
        });

    [Fact]
    public void SourceChosenAsAnAgency_IsKeptByItsId_AndAPersonByText()
    {
        var source = new SourceForm { Party = PartyChoices.AgencyKey(7) };
        Assert.Equal(7, source.AgencyId);
        Assert.Null(source.SourceName);

        source.Party = "民生委員・児童委員";
        Assert.Null(source.AgencyId);
        Assert.Equal("民生委員・児童委員", source.SourceName);
    }
}
