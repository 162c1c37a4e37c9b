using Bunit;
using Bunit.Rendering;
using Juso.Domain.Agencies;
using Juso.Portal.Common;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Community;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Juso.Tests.Features.Community;

/// <summary>The つながった相談 form of a place: the case is picked from the cases the member may see, by name or number, and saved as that case.</summary>
public sealed class PlaceRecordFormsTests : PortalComponentTest
{
    public override async Task InitializeAsync()
    {
        Services.AddScoped<CommunityService>();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task ReferralCase_OffersOnlyTheMembersCases_ByNameOrNumber_AndSavesTheOneChosen()
    {
        var own = Agency.Create("くらしサポートセンター", AgencyField.Poverty, AgencyOperation.Direct, null, PortalHarness.Start);
        var other = Agency.Create("東部地域包括支援センター", AgencyField.Elderly, AgencyOperation.Direct, null, PortalHarness.Start);
        await using (var db = NewContext())
        {
            db.Agencies.AddRange(own, other);
            await db.SaveChangesAsync();
        }
        var community = Services.GetRequiredService<CommunityService>();
        var theirs = await Services.GetRequiredService<IntakeService>().OpenCaseAsync(IntakeForms.Valid(family: "山田", familyKana: "ヤマダ"));
        CaseSteps.Ok(await Services.GetRequiredService<CaseService>().InvolveAgencyAsync(theirs.Id, theirs.Version, other.Id));
        var place = CaseSteps.Ok(await community.CreateAsync(new PlaceForm { Name = "東町ふれあいサロン", Organiser = "東町自治会" }));
        Auth.User = TestUsers.MemberOf(own.Id, "藤井 由美");
        var ours = CaseSteps.Ok(await Services.GetRequiredService<IntakeService>().OpenCaseAsync(IntakeForms.Valid(family: "田中", familyKana: "タナカ")));
        var view = await community.GetAsync(place.Id);
        string? saved = null;
        var page = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<PlaceRecordForms>(1);
            builder.AddAttribute(2, nameof(PlaceRecordForms.Place), view);
            builder.AddAttribute(3, nameof(PlaceRecordForms.Saved), EventCallback.Factory.Create<string>(this, message => saved = message));
            builder.CloseComponent();
        });
        var field = page.FindComponent<MudAutocomplete<CaseChoice>>();
        async Task<List<CaseChoice>> OfferedAsync(string text) => [.. (await field.Instance.SearchFunc!(text, CancellationToken.None)!)!];

        var offered = await OfferedAsync(string.Empty);
        var choice = Assert.Single(offered);
        Assert.Equal((ours.Id, "田中\u3000一郎"), (choice.Id, choice.PrincipalName));
        Assert.Equal([choice], await OfferedAsync("たなか"));
        Assert.Equal([choice], await OfferedAsync(choice.Number.Replace("-", string.Empty, StringComparison.Ordinal)));
        Assert.Empty(await OfferedAsync("山田"));

        await page.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(choice));
        var date = page.FindComponents<MudDatePicker>().Single(p => p.Instance.InputId == "referral-date");
        await page.InvokeAsync(() => date.Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 22)));
        await page.FindAll("form")[1].SubmitAsync();

        Assert.Equal("つながった相談を記録しました。", saved);
        await using var check = NewContext();
        Assert.Equal(ours.Id, await check.CommunityPlaces.Where(p => p.Id == place.Id).SelectMany(p => p.Referrals).Select(r => r.SupportCaseId).SingleAsync());
    }
}
