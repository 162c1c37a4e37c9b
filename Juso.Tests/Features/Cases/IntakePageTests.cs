using Bunit;
using Bunit.Rendering;
using Juso.Infrastructure;
using Juso.Infrastructure.Persistence;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Juso.Tests.Features.Cases;

/// <summary>The intake form shows the domain's messages on the fields they concern, and saves nothing while any is open.</summary>
public sealed class IntakePageTests : PortalComponentTest
{
    [Fact]
    public async Task Submit_EmptyForm_ListsEveryMissingItem_AndSavesNothing()
    {
        var page = RenderPage();

        await page.Find("form.intake-form").SubmitAsync();

        var summary = page.WaitForElement("[data-testid=form-errors]");
        foreach (var message in new[] { "相談経路を選択してください。", "相談分類を1つ以上選択してください。", "相談内容を入力してください。", "氏を入力してください。", "名を入力してください。" })
        {
            Assert.Contains(message, summary.TextContent);
        }
        Assert.Contains("氏を入力してください。", FieldText(page, "m1-family"));
        Assert.Equal(0, await CountCasesAsync());
    }

    [Fact]
    public async Task Submit_KanaInLatinLetters_ShowsKanaMessageOnThatField()
    {
        var page = RenderPage();
        await page.Find("#m1-family").ChangeAsync(new ChangeEventArgs { Value = "山田" });
        await page.Find("#m1-given").ChangeAsync(new ChangeEventArgs { Value = "一郎" });
        await page.Find("#m1-family-kana").ChangeAsync(new ChangeEventArgs { Value = "Yamada" });
        await page.Find("#m1-given-kana").ChangeAsync(new ChangeEventArgs { Value = "いちろう" });

        await page.Find("form.intake-form").SubmitAsync();

        page.WaitForElement("[data-testid=form-errors]");
        Assert.Contains("氏（フリガナ）はカタカナまたはひらがなで入力してください。", FieldText(page, "m1-family-kana"));
        Assert.DoesNotContain("カタカナまたはひらがな", FieldText(page, "m1-given-kana"));
        Assert.Equal(0, await CountCasesAsync());
    }

    [Fact]
    public async Task Submit_SummaryOverTheLimit_SaysHowLongItIs()
    {
        var page = RenderPage();
        await page.Find("#intake-summary").InputAsync(new ChangeEventArgs { Value = new string('あ', 2001) });

        await page.Find("form.intake-form").SubmitAsync();

        page.WaitForElement("[data-testid=form-errors]");
        Assert.Contains("相談内容は2000文字以内で入力してください（現在2001文字）。", FieldText(page, "intake-summary"));
    }

    [Fact]
    public async Task Submit_FixedError_DisappearsFromField_WhenUserEditsIt()
    {
        var page = RenderPage();
        await page.Find("form.intake-form").SubmitAsync();
        page.WaitForElement("[data-testid=form-errors]");
        Assert.Contains("氏を入力してください。", FieldText(page, "m1-family"));

        await page.Find("#m1-family").ChangeAsync(new ChangeEventArgs { Value = "山田" });

        page.WaitForAssertion(() => Assert.DoesNotContain("氏を入力してください。", FieldText(page, "m1-family")));
    }

    [Fact]
    public async Task AddMember_ThenSubmit_ReportsErrorsOnTheSecondMember()
    {
        var page = RenderPage();
        await page.Find("[data-testid=add-member]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        await page.Find("#m2-family-kana").ChangeAsync(new ChangeEventArgs { Value = "漢字" });

        await page.Find("form.intake-form").SubmitAsync();

        page.WaitForElement("[data-testid=form-errors]");
        Assert.Contains("カタカナまたはひらがな", FieldText(page, "m2-family-kana"));
    }

    private IRenderedComponent<ContainerFragment> RenderPage() =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<IntakePage>(1);
            builder.CloseComponent();
        });

    /// <summary>The text of the Mud input control around the input with this id (label, value and messages).</summary>
    private static string FieldText(IRenderedComponent<ContainerFragment> page, string inputId)
    {
        var input = page.Find($"#{inputId}");
        var control = input.Closest(".mud-input-control") ?? input.ParentElement!;
        return control.TextContent;
    }

    private async Task<int> CountCasesAsync()
    {
        await using var db = NewContext();
        return await db.Cases.CountAsync() + await db.Households.CountAsync();
    }
}
