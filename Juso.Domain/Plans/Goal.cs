using Juso.Domain.Common;

namespace Juso.Domain.Plans;

/// <summary>目標: one long- or short-term goal of a plan version.</summary>
public class Goal : Entity
{
    public const int TextMaxLength = 500;

    protected Goal()
    {
        Text = string.Empty;
    }

    internal Goal(GoalTerm term, string text, int order)
    {
        Term = term;
        Text = text;
        Order = order;
    }

    public int SupportPlanId { get; private set; }

    public GoalTerm Term { get; private set; }

    public string Text { get; private set; }

    public int Order { get; private set; }
}

public sealed record GoalDetails(GoalTerm Term, string? Text);
