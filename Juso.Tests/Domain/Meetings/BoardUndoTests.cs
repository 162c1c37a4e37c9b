using Juso.Domain.Meetings;

namespace Juso.Tests.Domain.Meetings;

/// <summary>The chair's one undo stack: newest first, every kind of board action on it, bounded.</summary>
public sealed class BoardUndoTests
{
    [Fact]
    public void TakeBack_AfterAnAssignmentEditAndAnActionItemEdit_UndoesTheNewestFirst_ThenTheOlder()
    {
        var undo = new BoardUndo<string>();
        undo.Record("結論「継続支援」", "outcome");
        undo.Record("役割分担の変更（東部地域包括支援センター）", "assignment");
        undo.Record("対応事項の修正", "action");

        Assert.Equal("対応事項の修正", undo.NextLabel);
        Assert.True(undo.TryTakeBack(out _, out var first));
        Assert.Equal("役割分担の変更（東部地域包括支援センター）", undo.NextLabel);
        Assert.True(undo.TryTakeBack(out _, out var second));
        Assert.True(undo.TryTakeBack(out _, out var third));

        Assert.Equal(["action", "assignment", "outcome"], [first, second, third]);
        Assert.Null(undo.NextLabel);
        Assert.False(undo.TryTakeBack(out _, out _));
    }

    [Fact]
    public void Record_BeyondCapacity_ForgetsTheOldestStep()
    {
        var undo = new BoardUndo<int>();
        for (var i = 0; i <= BoardUndo<int>.Capacity; i++)
        {
            undo.Record($"step {i}", i);
        }

        Assert.Equal(BoardUndo<int>.Capacity, undo.Count);
        var taken = new List<int>();
        while (undo.TryTakeBack(out _, out var step))
        {
            taken.Add(step);
        }
        Assert.DoesNotContain(0, taken);
        Assert.Equal(BoardUndo<int>.Capacity, taken[0]);
    }
}
