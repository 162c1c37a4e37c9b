using System.Data.Common;
using System.Globalization;
using System.Text;
using Juso.Domain.Households;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Juso.Infrastructure.Persistence;

/// <summary>
/// The households a name search finds (<see cref="HouseholdSearch"/>), through an index on SQLite
/// (docs/adr/0033-household-search-index.md). The FTS5 table <see cref="Table"/> holds each name of
/// <see cref="Household.SearchKey"/> as one token per character: that character and the next (a bigram), or the
/// character alone at a name's end, each written as hex so the tokenizer keeps every character. A name contains a
/// search of two or more characters exactly when its tokens hold the search's bigrams in a row (a phrase), and one
/// character when a token starts with it (a prefix). Triggers on Households keep the table, calling
/// <see cref="TokensFunction"/>, which every connection of <see cref="SqliteJusoDbContext"/> defines.
/// On SQL Server the search reads the key itself.
/// </summary>
public static class HouseholdSearchIndex
{
    public const string Table = "HouseholdSearchIndex";

    public const string TokensFunction = "juso_search_tokens";

    /// <summary>Defines <see cref="TokensFunction"/> on every connection a SQLite context opens.</summary>
    public static readonly IInterceptor Functions = new FunctionsInterceptor();

    /// <summary>The ids of the households whose key <paramref name="terms"/> finds, as a query to compose.</summary>
    public static IQueryable<int> Matching(JusoDbContext db, SearchTerms terms)
    {
        if (db.Database.IsSqlite())
        {
            var match = MatchOf(terms);
            return db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM HouseholdSearchIndex WHERE HouseholdSearchIndex MATCH {match}");
        }
        var text = terms.Text;
        var kana = terms.Kana;
        var found = kana is null
            ? db.Households.Where(h => h.SearchKey.Contains(text))
            : db.Households.Where(h => h.SearchKey.Contains(text) || h.SearchKey.Contains(kana));
        return found.Select(h => h.Id);
    }

    /// <summary>"山田" in a key gives "5c717530 7530": the tokens of each of the key's names, in order.</summary>
    public static string TokensOf(string? key)
    {
        var tokens = new StringBuilder();
        foreach (var name in (key ?? string.Empty).Split(HouseholdSearch.Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            for (var i = 0; i < name.Length; i++)
            {
                if (tokens.Length > 0)
                {
                    tokens.Append(' ');
                }
                Hex(tokens, name[i]);
                if (i + 1 < name.Length)
                {
                    Hex(tokens, name[i + 1]);
                }
            }
        }
        return tokens.ToString();
    }

    /// <summary>The FTS5 query for <paramref name="terms"/>: the text, or its reading, as a phrase of bigrams (or a prefix).</summary>
    public static string MatchOf(SearchTerms terms) =>
        terms.Kana is { } kana ? $"{MatchOf(terms.Text)} OR {MatchOf(kana)}" : MatchOf(terms.Text);

    private static string MatchOf(string text)
    {
        var phrase = new StringBuilder("\"");
        if (text.Length == 1)
        {
            Hex(phrase, text[0]);
            return phrase.Append("\"*").ToString();
        }
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (i > 0)
            {
                phrase.Append(' ');
            }
            Hex(phrase, text[i]);
            Hex(phrase, text[i + 1]);
        }
        return phrase.Append('"').ToString();
    }

    private static void Hex(StringBuilder builder, char c) => builder.Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));

    private sealed class FunctionsInterceptor : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Define(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Define(connection);
            return Task.CompletedTask;
        }

        private static void Define(DbConnection connection) =>
            ((SqliteConnection)connection).CreateFunction<string?, string>(TokensFunction, TokensOf, isDeterministic: true);
    }
}
