using Juso.Domain.Common;

namespace Juso.Domain.Households;

/// <summary>世帯: the unit support is for. Holds its members; exactly one of them is the principal (本人).</summary>
public class Household : AggregateRoot
{
    public const int AddressMaxLength = 200;
    public const int PhoneMaxLength = 30;
    public const int NoteMaxLength = 1000;
    public const int MaxMembers = 20;

    private readonly List<HouseholdMember> _members = [];

    protected Household()
    {
    }

    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    public string? Note { get; private set; }

    public IReadOnlyList<HouseholdMember> Members => _members;

    /// <summary>
    /// Every member's name and reading in one text, which the case list searches (<see cref="HouseholdSearch"/>).
    /// Set by <see cref="Revise"/> whenever members change; empty only in a row written before the key existed,
    /// until <see cref="RefreshSearchKey"/> fills it.
    /// </summary>
    public string SearchKey { get; private set; } = string.Empty;

    public HouseholdMember? Principal => _members.FirstOrDefault(m => m.IsPrincipal);

    /// <summary>Field key of member <paramref name="index"/> in error messages: "Members[2].".</summary>
    public static string MemberField(int index) => $"{nameof(Members)}[{index}].";

    public static Household Create(string? address, string? phone, string? note, IReadOnlyList<MemberDetails> members, DateTimeOffset now)
    {
        var household = new Household();
        household.Revise(address, phone, note, members.Select(m => (MemberId: (int?)null, Details: m)).ToList(), now);
        household.MarkCreated(now);
        return household;
    }

    /// <summary>
    /// Replaces the household's details and members in one step (members with an id are updated,
    /// without one added, missing ones removed), so that a form saves all or nothing.
    /// </summary>
    public void Revise(string? address, string? phone, string? note, IReadOnlyList<(int? MemberId, MemberDetails Details)> members, DateTimeOffset now)
    {
        var today = JapanDate.Today(now);
        var check = new RuleCheck()
            .OptionalText(address, nameof(Address), "住所", AddressMaxLength)
            .OptionalText(phone, nameof(Phone), "電話番号", PhoneMaxLength)
            .OptionalText(note, nameof(Note), "世帯の備考", NoteMaxLength)
            .Require(members.Count > 0, nameof(Members), "世帯員を1人以上登録してください。")
            .Require(members.Count <= MaxMembers, nameof(Members), $"世帯員は{MaxMembers}人までです。")
            .Require(members.Count == 0 || members.Count(m => m.Details.Relationship == Relationship.Principal) == 1,
                nameof(Members), "本人（続柄「本人」）を1人だけ指定してください。");

        var ids = members.Where(m => m.MemberId is not null).Select(m => m.MemberId!.Value).ToList();
        check.Require(ids.All(id => _members.Any(x => x.Id == id)), nameof(Members), "この世帯にいない世帯員が指定されました。画面を再読み込みしてください。")
            .Require(ids.Distinct().Count() == ids.Count, nameof(Members), "同じ世帯員が重複して指定されました。画面を再読み込みしてください。");

        // Validate every member before changing any, so a bad row leaves the household as it was.
        var staged = new List<(HouseholdMember? Existing, HouseholdMember Validated)>();
        for (var i = 0; i < members.Count; i++)
        {
            try
            {
                var validated = HouseholdMember.From(members[i].Details, today, MemberField(i));
                var existing = members[i].MemberId is { } id ? _members.FirstOrDefault(x => x.Id == id) : null;
                staged.Add((existing, validated));
            }
            catch (DomainException ex)
            {
                check.Add(ex.Errors);
            }
        }
        check.ThrowIfAny();

        Address = RuleCheck.Clean(address);
        Phone = RuleCheck.Clean(phone);
        Note = RuleCheck.Clean(note);
        var keep = new HashSet<HouseholdMember>();
        for (var i = 0; i < members.Count; i++)
        {
            var (existing, validated) = staged[i];
            if (existing is null)
            {
                _members.Add(validated);
                keep.Add(validated);
            }
            else
            {
                existing.Apply(members[i].Details, today, MemberField(i));
                keep.Add(existing);
            }
        }
        _members.RemoveAll(m => !keep.Contains(m));
        SearchKey = HouseholdSearch.KeyOf(_members);
        Touch(now);
    }

    /// <summary>
    /// Sets <see cref="SearchKey"/> from the members as they are, for a household stored before the key existed.
    /// Changes nothing a user sees, so it neither touches the household nor counts as a revision.
    /// Returns whether the key changed.
    /// </summary>
    public bool RefreshSearchKey()
    {
        var key = HouseholdSearch.KeyOf(_members);
        if (key == SearchKey)
        {
            return false;
        }
        SearchKey = key;
        return true;
    }
}
