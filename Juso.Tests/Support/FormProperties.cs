using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Juso.Portal.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Juso.Tests.Support;

/// <summary>Runs form properties over generated input against the real services and a real SQLite file.</summary>
public static class FormProperties
{
    /// <summary>Modest, so that the suite stays fast; the seed is printed on failure for a replay.</summary>
    public const int Cases = 150;

    /// <summary>
    /// Checks <paramref name="body"/> for every generated input. Runs on the thread pool: FsCheck calls the body
    /// synchronously, and blocking on the services' awaits under xunit's synchronization context could deadlock.
    /// </summary>
    public static Task CheckAsync<T>(Gen<T> input, Func<T, Task> body, int cases = Cases) =>
        Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases),
            Prop.ForAll(input.ToArbitrary(), (T value) => body(value).GetAwaiter().GetResult())));

    /// <summary>
    /// Saves through <paramref name="save"/>: any exception fails the property (a refusal must come back as a result);
    /// a refusal must carry Japanese messages and leave every table exactly as it was.
    /// </summary>
    public static async Task<SaveResult> SaveOrLeaveUntouchedAsync(PortalHarness harness, Func<Task<SaveResult>> save)
    {
        var before = await SnapshotAsync(harness);
        var result = await save();
        if (result.Status != SaveStatus.Saved)
        {
            Assert.NotEmpty(result.Errors);
            Assert.All(result.Errors, e => Assert.True(IsJapanese(e.Message), $"not a Japanese message: {e.Message}"));
            var after = await SnapshotAsync(harness);
            Assert.True(before == after, $"refused ({result.Status}: {string.Join(" / ", result.Errors.Select(e => e.Message))}) but the database changed");
        }
        return result;
    }

    /// <summary>Fails unless the property both saved and refused: a property that only ever refuses proves little.</summary>
    public sealed class Outcomes
    {
        private int _saved;
        private int _refused;

        public SaveResult Count(SaveResult result)
        {
            Interlocked.Increment(ref result.Succeeded ? ref _saved : ref _refused);
            return result;
        }

        public void AssertBoth()
        {
            Assert.True(_saved > 0, "no generated input was saved");
            Assert.True(_refused > 0, "no generated input was refused");
        }
    }

    public static bool IsJapanese(string message) => message.Any(c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff');

    /// <summary>Every row of every table, in rowid order, as text: equal before and after means nothing was written.</summary>
    public static async Task<string> SnapshotAsync(PortalHarness harness)
    {
        await using var db = harness.NewContext();
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            // DataProtectionKeys is ASP.NET's key ring: its first key is written by whatever first needs one (a reset
            // token, an antiforgery token), not by the save under test.
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'DataProtectionKeys' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            text.Append('#').Append(table).Append('\n');
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }
}
