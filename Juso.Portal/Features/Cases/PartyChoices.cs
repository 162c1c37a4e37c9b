using Juso.Domain.Households;
using Juso.Domain.Outreach;
using Juso.Portal.Components.Shared;

namespace Juso.Portal.Features.Cases;

/// <summary>
/// The choices offered for 相談者 and 情報源: the household, the agencies and the usual kinds of person, with the text
/// that is kept when one is chosen (docs/adr/0030).
/// </summary>
public static class PartyChoices
{
    public const string Principal = "本人";

    /// <summary>Kept in a source's name field for an agency: the agency's id, never shown and never typed.</summary>
    private const string AgencyPrefix = "agency:";

    /// <summary>People beside the household and the agencies; the kinds outreach records as 把握の経路 read the same here.</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        "家族・親族（別世帯）", LeadSource.CommissionedVolunteer.Label(), LeadSource.Neighbour.Label(), "自治会・町内会",
        LeadSource.School.Label(), "医療機関", LeadSource.FamilyAssociation.Label(), LeadSource.Municipal.Label(),
    ];

    public static string Member(string? familyName, string? givenName, Relationship relationship) =>
        $"{familyName?.Trim()}\u3000{givenName?.Trim()}（{relationship.Label()}）";

    /// <summary>相談者: 本人 (kept as no consulter), the other members, the agencies, then the usual kinds.</summary>
    public static IReadOnlyList<PartyOption> Consulters(IEnumerable<string> otherMembers, IEnumerable<string> agencies) =>
        [new PartyOption(null, Principal), .. otherMembers.Distinct().Select(PartyOption.Of), .. agencies.Distinct().Select(PartyOption.Of), .. Kinds.Select(PartyOption.Of)];

    /// <summary>情報源: the agencies (kept by id), 本人 and the household's members, then the usual kinds.</summary>
    public static IReadOnlyList<PartyOption> Sources(IEnumerable<string> members, IEnumerable<AgencyOption> agencies) =>
    [
        .. agencies.Select(a => new PartyOption(AgencyKey(a.Id), a.Name)), PartyOption.Of(Principal), .. members.Distinct().Select(PartyOption.Of),
        .. Kinds.Select(PartyOption.Of),
    ];

    public static string AgencyKey(int agencyId) => AgencyPrefix + agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The agency a chosen source names, or null for a person.</summary>
    public static int? AgencyOf(string? key) =>
        key is not null && key.StartsWith(AgencyPrefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(AgencyPrefix.Length), out var id) ? id : null;
}
