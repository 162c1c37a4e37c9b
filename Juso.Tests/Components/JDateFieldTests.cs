using Bunit;
using Juso.Portal.Components.Shared;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace Juso.Tests.Components;

/// <summary>The date input of every form: 和暦 typed in, the day read shown with its weekday, a day that does not exist refused.</summary>
public sealed class JDateFieldTests : PortalComponentTest
{
    [Fact]
    public async Task Typing_R8_5_1_SetsTheDate_AndTheDayShownCarriesItsWeekday()
    {
        DateTime? date = new DateTime(2026, 4, 1);
        var field = Render<JDateField>(p => p.Add(x => x.Date, date).Add(x => x.InputId, "d").Add(x => x.DateChanged, (DateTime? d) => date = d));
        Assert.Contains("令和8年4月1日（水）", field.Markup);

        await field.Find("#d").ChangeAsync(new ChangeEventArgs { Value = "R8.5.1" });

        Assert.Equal(new DateTime(2026, 5, 1), date);
        Assert.Equal("2026/05/01", field.Find("#d").GetAttribute("value"));
    }

    [Fact]
    public async Task Typing_ADayThatDoesNotExist_ClearsTheDate_AndSaysWhyInJapanese()
    {
        DateTime? date = new DateTime(2026, 4, 1);
        var field = Render<JDateField>(p => p.Add(x => x.Date, date).Add(x => x.InputId, "d").Add(x => x.DateChanged, (DateTime? d) => date = d));

        await field.Find("#d").ChangeAsync(new ChangeEventArgs { Value = "令和5年2月30日" });

        Assert.Null(date);
        Assert.Contains("「令和5年2月30日」という日はありません（2月は28日までです）。", field.Find(".mud-input-error").TextContent);
    }
}
