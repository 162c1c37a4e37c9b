using Bunit;
using Juso.Portal.Features.Meetings;

namespace Juso.Tests.Features.Meetings;

/// <summary>The board's decision field offers the usual decisions while it stays free to type.</summary>
public sealed class BoardPhrasesTests : BunitContext
{
    [Fact]
    public void DecisionField_OffersTheUsualDecisions_AsTheBrowsersOwnSuggestions()
    {
        var part = Render<BoardDecisions>(p => p.Add(x => x.Decisions, Array.Empty<BoardDecision>()).Add(x => x.Editable, true).Add(x => x.OnAdd, _ => Task.FromResult(true)));

        var list = part.Find("#" + part.Find("#decision-text").GetAttribute("list"));
        var offered = list.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal<string?>(BoardPhrases.Decisions, offered);
        Assert.Contains("支援プラン案のとおり承認する。", offered);
    }
}
