namespace Juso.Domain.Cases;

/// <summary>
/// What the counter records when a consultation comes in (相談受付), as a form or import gives it. Categories are
/// <see cref="ConcernCategoryEntry.Code"/>s (an import finds them with <see cref="ConcernCategoryCatalog.Find"/>).
/// </summary>
public sealed record IntakeDetails(
    DateOnly? Date,
    IntakeRoute? Route,
    int? ReferringAgencyId,
    IReadOnlyCollection<string> Categories,
    string? Summary,
    string? ConsulterName);

/// <summary>The consent state known at intake.</summary>
public sealed record ConsentDetails(ConsentStatus Status, DateOnly? Date, ConsentMethod? Method, string? Note);
