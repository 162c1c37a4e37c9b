using Juso.Domain.Households;
using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Infrastructure.Persistence;

/// <summary>
/// SQLite's household search index finds exactly the households the Domain's rule finds (<see cref="HouseholdSearch.Matches"/>),
/// for keys written, changed and deleted by any SQL (the triggers keep it), whatever characters the names hold.
/// </summary>
public sealed class HouseholdSearchIndexTests : IAsyncLifetime
{
    // Few characters, so that searches often hit, half-hit and run across names: kanji, kana that fold, a character
    // outside the BMP, and characters a text tokenizer would drop or fold (punctuation, Latin case, digits, the long mark).
    private static readonly string[] Characters = ["山", "田", "ヤ", "マ", "ダ", "や", "ま", "だ", "ｱ", "𠮷", "・", "'", "-", "a", "A", "1", "ー", " "];

    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Matching_RandomKeysAndSearches_FindsExactlyWhatTheRuleFinds_AfterInsertUpdateAndDelete()
    {
        var random = new Random(20261201);
        var keys = Enumerable.Range(1, 150).ToDictionary(id => id, _ => RandomKey(random));
        await using var db = _harness.NewContext();
        await db.Database.OpenConnectionAsync();
        foreach (var (id, key) in keys)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO Households (Id, Version, CreatedAt, UpdatedAt, SearchKey) VALUES ({id}, 1, '2026-11-23 01:00:00', '2026-11-23 01:00:00', {key})");
        }
        await AssertSameAsRuleAsync(db, keys, random);

        foreach (var id in keys.Keys.Where(id => id % 3 == 0).ToList())
        {
            keys[id] = RandomKey(random);
            await db.Database.ExecuteSqlAsync($"UPDATE Households SET SearchKey = {keys[id]} WHERE Id = {id}");
        }
        foreach (var id in keys.Keys.Where(id => id % 5 == 0).ToList())
        {
            keys.Remove(id);
            await db.Database.ExecuteSqlAsync($"DELETE FROM Households WHERE Id = {id}");
        }
        await AssertSameAsRuleAsync(db, keys, random);
    }

    private static async Task AssertSameAsRuleAsync(JusoDbContext db, Dictionary<int, string> keys, Random random)
    {
        for (var i = 0; i < 300; i++)
        {
            var typed = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Characters[random.Next(Characters.Length)]));
            if (HouseholdSearch.TermsOf(typed) is not { } terms)
            {
                continue;
            }
            var expected = keys.Where(k => HouseholdSearch.Matches(k.Value, terms)).Select(k => k.Key).Order().ToList();

            var found = (await HouseholdSearchIndex.Matching(db, terms).ToListAsync()).Order().ToList();

            Assert.True(expected.SequenceEqual(found), $"「{typed}」: expected [{string.Join(", ", expected)}], found [{string.Join(", ", found)}]");
        }
    }

    /// <summary>A key as <see cref="HouseholdSearch.KeyOf"/> makes it: one to four members, each a name and a reading of one to five characters.</summary>
    private static string RandomKey(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(2, 9)).Select(_ =>
            HouseholdSearch.Separator + string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => Characters[random.Next(Characters.Length - 1)]))));
}
