using Bunit;
using Bunit.Rendering;
using Juso.Portal.Components.Shared;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

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

    [Fact]
    public async Task CalendarButton_OpensACalendarThatSettles_AndADayPickedIsEnteredAsIfTyped()
    {
        DateTime? date = new DateTime(2026, 4, 1);
        var page = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<JDateField>(1);
            builder.AddAttribute(2, nameof(JDateField.Date), date);
            builder.AddAttribute(3, nameof(JDateField.InputId), "d");
            builder.AddAttribute(4, nameof(JDateField.Label), "受付日");
            builder.AddAttribute(5, nameof(JDateField.DateChanged), EventCallback.Factory.Create<DateTime?>(this, d => date = d));
            builder.CloseComponent();
        });

        await page.Find("button[aria-label='受付日をカレンダーから選ぶ']").ClickAsync(new MouseEventArgs());
        var picker = page.FindComponent<MudDatePicker>();
        var renders = picker.RenderCount;
        // Whatever the picker queued after its first render has run: it renders no more by itself (the old picker never stopped).
        for (var i = 0; i < 5; i++)
        {
            await page.InvokeAsync(() => { });
        }
        Assert.InRange(picker.RenderCount, renders, renders + 1);

        var day15 = page.FindAll("[data-testid=jdate-calendar] button").First(b => b.TextContent.Trim() == "15");
        await day15.ClickAsync(new MouseEventArgs());

        Assert.Equal(new DateTime(2026, 4, 15), date);
        Assert.Empty(page.FindAll("[data-testid=jdate-calendar]"));
        Assert.Equal("2026/04/15", page.Find("#d").GetAttribute("value"));
    }
}
