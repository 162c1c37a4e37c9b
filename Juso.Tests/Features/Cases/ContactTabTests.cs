using Bunit;
using Bunit.Rendering;
using Juso.Domain.Agencies;
using Juso.Domain.Contacts;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Juso.Tests.Features.Cases;

/// <summary>
/// The contact tab: a closed case takes 終結後フォロー only, bad input is refused in Japanese, and what was recorded is marked.
/// Two people recording at once never conflict (a record only adds to the case): both are kept, each told what became of theirs.
/// </summary>
public sealed class ContactTabTests : PortalComponentTest
{
    [Fact]
    public async Task AColleagueRecordsWhileIType_BothRecordsAreKept_NothingIsShownAsAConflict_AndMineIsConfirmed()
    {
        var caseId = await OpenCaseAsync();
        var page = RenderTab(caseId, closed: false);
        await page.Find("#contact-content").ChangeAsync(new ChangeEventArgs { Value = "母と面談、家計の状況を確認（中川）" });
        await SelectKindAsync(page);
        await AsColleagueAsync(() => Services.GetRequiredService<CoordinationService>().RecordContactAsync(caseId,
            new ContactDetails(ContactKind.Call, PortalHarness.Start.AddHours(-1), "長男", "電話で通院の予定を確認（野口）")));

        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=contact-row]").Count));
        var rows = page.FindAll("[data-testid=contact-row]").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("電話で通院の予定を確認（野口）") && r.Contains("野口 直子"));
        Assert.Contains(rows, r => r.Contains("母と面談、家計の状況を確認（中川）"));
        Assert.Empty(page.FindAll("[data-testid=edit-conflict]"));
        Assert.Empty(page.FindAll("[data-testid=form-errors]"));
        page.WaitForAssertion(() => Assert.Contains("支援経過を記録しました。", page.Markup));
        Assert.Equal(string.Empty, page.Find("#contact-content").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task TheCaseIsClosedWhileIType_MyRecordIsKeptAsAFollowUp_AndTheMessageSaysSo()
    {
        var caseId = await OpenCaseAsync();
        var page = RenderTab(caseId, closed: false);
        await page.Find("#contact-content").ChangeAsync(new ChangeEventArgs { Value = "本人宅を訪問、生活の様子を確認" });
        await SelectKindAsync(page);
        await AsColleagueAsync(async () =>
        {
            var coordination = Services.GetRequiredService<CoordinationService>();
            var version = (await Services.GetRequiredService<CaseService>().GetAsync(caseId))!.Version;
            return await coordination.HandBackAsync(caseId, version, "地域包括で見守る");
        });

        await page.Find("form").SubmitAsync();

        var row = page.WaitForElement("[data-testid=follow-up-row]");
        Assert.Contains("本人宅を訪問、生活の様子を確認", row.TextContent);
        page.WaitForAssertion(() => Assert.Contains("ケースが先に終結されていたため、終結後フォローとして記録しました。", page.Markup));
    }

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

    private IRenderedComponent<ContainerFragment> RenderTab(int caseId, bool closed = true) =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<ContactTab>(2);
            builder.AddAttribute(3, nameof(ContactTab.CaseId), caseId);
            builder.AddAttribute(4, nameof(ContactTab.CanEdit), true);
            builder.AddAttribute(5, nameof(ContactTab.IsClosed), closed);
            builder.CloseComponent();
        });

    /// <summary>A save by another coordinator (野口), made while the tab is open.</summary>
    private async Task AsColleagueAsync(Func<Task<SaveResult>> save)
    {
        var me = Auth.User;
        Auth.User = TestUsers.Principal("u-noguchi", "野口 直子", null, JusoRoles.Coordinator);
        try
        {
            var result = await save();
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        }
        finally
        {
            Auth.User = me;
        }
    }

    /// <summary>種別 as a user picks it from the select.</summary>
    private static async Task SelectKindAsync(IRenderedComponent<ContainerFragment> page)
    {
        var select = page.FindComponent<MudSelect<ContactKind?>>();
        await page.InvokeAsync(() => select.Instance.SelectOption(ContactKind.Call));
    }

    private async Task<int> HandedBackCaseAsync()
    {
        var caseId = await OpenCaseAsync();
        var version = (await Services.GetRequiredService<CaseService>().GetAsync(caseId))!.Version;
        var handedBack = await Services.GetRequiredService<CoordinationService>().HandBackAsync(caseId, version, "地域包括で見守る");
        Assert.True(handedBack.Succeeded, string.Join(" ", handedBack.Errors.Select(e => e.Message)));
        return caseId;
    }

    private async Task<int> OpenCaseAsync()
    {
        var agency = Agency.Create("ひばり野市 地域包括支援センター", AgencyField.Other, AgencyOperation.Direct, null, PortalHarness.Start);
        await using (var db = NewContext())
        {
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
        }
        var opened = await Services.GetRequiredService<IntakeService>().OpenCaseAsync(IntakeForms.Valid(referringAgencyId: agency.Id));
        Assert.True(opened.Succeeded);
        return opened.Id;
    }
}
