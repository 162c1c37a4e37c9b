namespace Juso.Portal.Hosting;

/// <summary>The authorization policies that pages and endpoints name.</summary>
public static class Policies
{
    public const string Administrator = nameof(Administrator);

    /// <summary>Case pages: every role but the administrator's (what each sees is decided per case).</summary>
    public const string CaseWork = nameof(CaseWork);

    /// <summary>The overview of overdue monitoring across agencies: supervisors first, and the coordinating roles.</summary>
    public const string OverdueOverview = nameof(OverdueOverview);
}
