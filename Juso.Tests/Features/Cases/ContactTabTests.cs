using Bunit;
using Bunit.Rendering;
using Juso.Domain.Agencies;
using Juso.Domain.Contacts;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Juso.Tests.Features.Cases;

/// <summary>The contact tab of a closed case: it takes 終結後フォロー only, refuses bad input in Japanese, and marks what it recorded.</summary>
public sealed class ContactTabTests : PortalComponentTest
{
    [Fact]
    public async Task ClosedCase_RecordsAFollowUp_MarkedAsSuch_WithItsNextDate()
    {
        var caseId = await HandedBackCaseAsync();
        var page = RenderTab(caseId);
        Assert.Contains("終結後フォローを記録", page.Find("[data-testid=save-contact]").TextContent);

        await page.Find("#contact-content").ChangeAsync(new ChangeEventArgs { Value = "電話で近況を確認した。" });
        await page.Find("#contact-next-follow-up").ChangeAsync(new ChangeEventArgs { Value = "2026/12/20" });
        await SelectKindAsync(page);
        await page.Find("form").SubmitAsync();

        var row = page.WaitForElement("[data-testid=follow-up-row]");
        Assert.Contains("終結後フォロー", row.TextContent);
        Assert.Contains("次回フォロー予定日: 令和8年12月20日（日）", row.TextContent);
    }

    [Fact]
    public async Task ClosedCase_MissingContentAndPastDate_AreRefusedInJapanese_OnTheirFields_AndNothingIsListed()
    {
        var caseId = await HandedBackCaseAsync();
        var page = RenderTab(caseId);

        await page.Find("#contact-next-follow-up").ChangeAsync(new ChangeEventArgs { Value = "2026/11/01" });
        await SelectKindAsync(page);
        await page.Find("form").SubmitAsync();

        var errors = page.WaitForElement("[data-testid=form-errors]");
        Assert.Contains("内容を入力してください。", errors.TextContent);
        Assert.Contains("次回フォロー予定日に過去の日付は入力できません。", FieldText(page, "contact-next-follow-up"));
        Assert.Empty(page.FindAll("[data-testid=follow-up-row]"));
    }

    /// <summary>The text of the Mud input control around the input with this id (label, value and messages).</summary>
    private static string FieldText(IRenderedComponent<ContainerFragment> page, string inputId)
    {
        var input = page.Find($"#{inputId}");
        var control = input.Closest(".mud-input-control") ?? input.ParentElement!;
        return control.TextContent;
    }

    private IRenderedComponent<ContainerFragment> RenderTab(int caseId) =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<ContactTab>(1);
            builder.AddAttribute(2, nameof(ContactTab.CaseId), caseId);
            builder.AddAttribute(3, nameof(ContactTab.CanEdit), true);
            builder.AddAttribute(4, nameof(ContactTab.IsClosed), true);
            builder.CloseComponent();
        });

    /// <summary>種別 as a user picks it from the select.</summary>
    private static async Task SelectKindAsync(IRenderedComponent<ContainerFragment> page)
    {
        var select = page.FindComponent<MudSelect<ContactKind?>>();
        await page.InvokeAsync(() => select.Instance.SelectOption(ContactKind.Call));
    }

    private async Task<int> HandedBackCaseAsync()
    {
        var agency = Agency.Create("ひばり野市 地域包括支援センター", AgencyField.Other, AgencyOperation.Direct, null, PortalHarness.Start);
        await using (var db = NewContext())
        {
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
        }
        var opened = await Services.GetRequiredService<IntakeService>().OpenCaseAsync(IntakeForms.Valid(referringAgencyId: agency.Id));
        Assert.True(opened.Succeeded);
        var handedBack = await Services.GetRequiredService<CoordinationService>().HandBackAsync(opened.Id, opened.Version, "地域包括で見守る");
        Assert.True(handedBack.Succeeded, string.Join(" ", handedBack.Errors.Select(e => e.Message)));
        return opened.Id;
    }
}
