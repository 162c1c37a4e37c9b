using System.Reflection;
using Juso.Domain.Meetings;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Features.Meetings.Contract;

namespace Juso.Tests.Features.Meetings;

/// <summary>The board hub's public contract: its own records, mapped in one place, with nothing of the Blazor view model.</summary>
public sealed class BoardContractTests
{
    private static readonly Type[] Contract =
        [typeof(BoardChanged), typeof(PresenceChanged), typeof(BoardState), typeof(BoardMemberState), typeof(BoardItemState), typeof(BoardActionItemState)];

    [Fact]
    public void ContractTypes_HaveNoViewModelOnlyMembers_AndReferenceNoViewModelType()
    {
        var viewModelOnly = new[] { "HouseholdName", "HouseholdInitials", "Plan", "Captured", "AgreedAssignments", "ChairUserId", "UserId", "PledgedAt", "What" };
        foreach (var type in Contract)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.DoesNotContain(property.Name, viewModelOnly);
                var element = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
                var underlying = Nullable.GetUnderlyingType(element) ?? element;
                Assert.True(underlying.IsPrimitive || underlying == typeof(string) || underlying == typeof(DateTime) || underlying == typeof(DateOnly) || Contract.Contains(underlying),
                    $"{type.Name}.{property.Name} is {property.PropertyType.Name}, not part of the contract");
            }
        }
        Assert.DoesNotContain(typeof(BoardState).GetProperties(), p => p.Name == nameof(BoardSnapshot.Current));
        Assert.All(typeof(IMeetingBoardClient).GetMethods(), m => Assert.All(m.GetParameters(), p => Assert.Contains(p.ParameterType, Contract)));
    }

    [Fact]
    public void Changed_CarriesTheChangesLabelAsItsOwnField()
    {
        var message = BoardContract.Changed(new BoardChange(7, 12, "役割分担を変更", 1_700_000_000_000));

        Assert.Equal(new BoardChanged(7, 12, "役割分担を変更", 1_700_000_000_000), message);
    }

    [Fact]
    public void State_MeetingThatMasksNames_SendsOnlyTheInitials()
    {
        var item = new BoardItem(3, 1, 1, 40, "2026-0012", "山田\u3000一郎", "ヤ.イ.", AgendaPurpose.Monitoring, 15, AgendaOutcome.None, null,
            [new BoardDecision(1, 1, "家計相談を継続する")], [], [], BoardCapture.None, []);
        var snapshot = new BoardSnapshot(7, 12, MeetingKind.MultiLayered, MeetingCadence.Regular, new DateTime(2026, 11, 24, 5, 0, 0, DateTimeKind.Utc), "令和8年度第3回重層的支援会議", "会議室",
            "u-chair", MasksNames: true, null, 3, null, [new MemberView("u-chair", "石田 美穂", null, true, null, true)], [item]);

        var state = BoardContract.State(snapshot);

        var sent = Assert.Single(state.Items);
        Assert.Equal(("ヤ.イ.", "2026-0012"), (sent.Household, sent.CaseNumber));
        Assert.Equal(["家計相談を継続する"], sent.Decisions);
        Assert.Equal(("石田 美穂", true), (state.ChairName, state.NamesMasked));
        Assert.Equal("令和8年度第3回重層的支援会議", state.Reference);
    }
}
