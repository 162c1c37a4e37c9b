using Bunit;
using Juso.Domain.Agencies;
using Juso.Domain.Assessments;
using Juso.Portal.Common;
using Juso.Portal.Components.Shared;
using Juso.Portal.Features.Cases;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Plans;
using Juso.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Juso.Tests.Features.Plans;

/// <summary>役割 and 頻度 are offered, not typed again: the agency's earlier roles come first, then the usual ones.</summary>
public sealed class TaskSuggestionsTests : PortalComponentTest
{
    [Fact]
    public async Task AnAgencysEarlierRole_IsOfferedFirst_ThenTheUsualRoles()
    {
        var agencyId = await AgencyAsync("くらしサポートセンター");
        var otherId = await AgencyAsync("東部地域包括支援センター");
        var caseId = await PlanningCaseAsync();
        var plans = Services.GetRequiredService<PlanService>();
        var plan = (await plans.PlansAsync(caseId)).Single();
        await plans.AddAssignmentAsync(caseId, plan.Id, plan.Version,
            new AssignmentForm { AgencyId = agencyId, Task = "月2回の家庭訪問で家計を確認する", Frequency = "月2回" });

        var offered = await Services.GetRequiredService<TaskSuggestions>().ForAgencyAsync(agencyId);
        var forOther = await Services.GetRequiredService<TaskSuggestions>().ForAgencyAsync(otherId);

        Assert.Equal("月2回の家庭訪問で家計を確認する", offered[0]);
        Assert.Equal(BoardPhrases.Roles, offered.Skip(1));
        Assert.Equal(BoardPhrases.Roles, forOther);
    }

    [Fact]
    public async Task PhraseField_OffersEveryPhrase_FiltersByWhatIsTyped_AndKeepsTextThatIsNoPhrase()
    {
        string? value = null;
        var field = Render<PhraseField>(p => p.Add(x => x.Phrases, BoardPhrases.Frequencies).Add(x => x.Label, "頻度")
            .Add(x => x.ValueChanged, (string? v) => value = v));
        async Task<List<string>> OfferedAsync(string? text) =>
            [.. (await field.FindComponent<MudAutocomplete<string>>().Instance.SearchFunc!(text!, CancellationToken.None)!)!];

        Assert.Equal(BoardPhrases.Frequencies, await OfferedAsync(null));
        Assert.Equal(["週1回", "週2回", "隔週"], await OfferedAsync("週"));
        // A phrase in full narrows the list too: the whole list would cover the dialog's buttons.
        Assert.Equal(BoardPhrases.Frequencies.Where(p => p.Contains("月1回")), await OfferedAsync("月1回"));
        await field.InvokeAsync(() => field.FindComponent<MudAutocomplete<string>>().Instance.ValueChanged.InvokeAsync("毎朝の声かけ"));
        Assert.Equal("毎朝の声かけ", value);
    }

    [Fact]
    public async Task PhraseField_ReadsItsPhrasesAgain_WhenTheAgencyChanges()
    {
        var reads = new List<object?>();
        var key = (object?)1;
        var field = Render<PhraseField>(p => p.Add(x => x.Label, "役割").Add(x => x.LoadKey, key)
            .Add(x => x.Load, () => { reads.Add(key); return Task.FromResult<IReadOnlyList<string>>([$"機関{key}の役割"]); }));
        async Task<List<string>> OfferedAsync() =>
            [.. (await field.FindComponent<MudAutocomplete<string>>().Instance.SearchFunc!(null!, CancellationToken.None)!)!];

        Assert.Equal(["機関1の役割"], await OfferedAsync());
        Assert.Equal(["機関1の役割"], await OfferedAsync());
        key = 2;
        field.Render(p => p.Add(x => x.LoadKey, key));
        Assert.Equal(["機関2の役割"], await OfferedAsync());
        Assert.Equal<object?>([1, 2], reads);
    }

    private async Task<int> AgencyAsync(string name)
    {
        await using var db = NewContext();
        var agency = Agency.Create(name, AgencyField.Poverty, AgencyOperation.Contracted, null, PortalHarness.Start);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency.Id;
    }

    private async Task<int> PlanningCaseAsync()
    {
        var caseId = (await Services.GetRequiredService<IntakeService>().OpenCaseAsync(IntakeForms.Valid())).Id;
        var coordination = Services.GetRequiredService<CoordinationService>();
        var cases = Services.GetRequiredService<CaseService>();
        await coordination.StartAssessmentAsync(caseId, (await cases.GetAsync(caseId))!.Version);
        await coordination.RecordAssessmentAsync(caseId, new AssessmentDetails("状況", null, null, null, null, null, null, null, [], []));
        await coordination.StartPlanningAsync(caseId, (await cases.GetAsync(caseId))!.Version);
        await Services.GetRequiredService<PlanService>().CreateDraftAsync(caseId);
        return caseId;
    }
}
