using Bunit;
using Juso.Domain.Participation;
using Juso.Portal.Features.Participation;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Features.Participation;

/// <summary>The follow-up form on the participation plan page keeps what is typed while other saves on the page reload the plan.</summary>
public sealed class FollowUpPanelTests : PortalComponentTest
{
    public override async Task InitializeAsync()
    {
        Services.AddScoped<ParticipationPlanService>();
        await base.InitializeAsync();
    }

    private static ParticipationPlanView Plan(int version, string goal) =>
        new(1, version, 1, "2026-0001", "山田　太郎", 1, "支援プラン 第1版", goal, ParticipationStatus.Trial, "中川 浩二", new DateOnly(2026, 11, 1), 14, [],
            null, "屋外で働きたい", "朝が苦手", "週1回2時間から", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1),
            new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 15), [], null, null, null, CanEdit: true);

    [Fact]
    public async Task ANoteBeingTyped_StaysWhenTheGoalIsSavedAndThePlanReloads()
    {
        var panel = Render<FollowUpPanel>(p => p.Add(x => x.Plan, Plan(3, "週1回の外出")));
        await panel.Find("#follow-up-note").ChangeAsync(new ChangeEventArgs { Value = "受入先から、作業に慣れてきたと聞いた" });

        // The page hands down the plan reloaded after its goal was saved.
        panel.Render(p => p.Add(x => x.Plan, Plan(4, "週2回の外出")));

        Assert.Equal("受入先から、作業に慣れてきたと聞いた", panel.Find("#follow-up-note").GetAttribute("value") ?? panel.Find("#follow-up-note").TextContent);
    }
}
