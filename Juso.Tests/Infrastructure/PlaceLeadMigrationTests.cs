using Juso.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Juso.Tests.Infrastructure;

/// <summary>Referrals written as free text before leads had their own record, carried over by the migration (ADR 0031).</summary>
public sealed class PlaceLeadMigrationTests
{
    private const string Before = "20261130191735_OutreachLeadsOnAgenda";

    [Fact]
    public async Task Sqlite_ReferenceNamingExactlyOneLead_IsLinked_AnyOtherTextIsKept()
    {
        var path = Path.Combine(Path.GetTempPath(), $"juso-place-leads-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Context(path))
            {
                await db.GetService<IMigrator>().MigrateAsync(Before);
                await db.Database.OpenConnectionAsync();
                // Rows as the app wrote them before the migration; their agencies are beside the point.
                await db.Database.ExecuteSqlRawAsync("""
                    PRAGMA foreign_keys = OFF;
                    INSERT INTO OutreachLeads (Id, Description, Source, Worry, ResponsibleAgencyId, ContactEveryDays, RegisteredOn, Stage, Version, CreatedAt, UpdatedAt)
                    VALUES (5, '東町の○○さん宅の長男（40代）', 'Neighbour', '外出していない', 1, 14, '2026-10-01', 'NotContacted', 1, '2026-10-01 00:00:00', '2026-10-01 00:00:00'),
                           (6, '西町の女性（70代）', 'Neighbour', 'ごみ', 1, 14, '2026-10-01', 'NotContacted', 1, '2026-10-01 00:00:00', '2026-10-01 00:00:00'),
                           (7, '西町の女性（70代）', 'Neighbour', '別の人', 1, 14, '2026-10-01', 'NotContacted', 1, '2026-10-01 00:00:00', '2026-10-01 00:00:00');
                    INSERT INTO CommunityPlaces (Id, Name, Kind, Organiser, IsArchived, Version, CreatedAt, UpdatedAt)
                    VALUES (1, 'ひばりの家', 'DropIn', '社協', 0, 1, '2026-10-01 00:00:00', '2026-10-01 00:00:00');
                    INSERT INTO PlaceReferral (Id, CommunityPlaceId, "On", Reference, Note)
                    VALUES (1, 1, '2026-10-02', ' 東町の○○さん宅の長男（40代）', NULL), (2, 1, '2026-10-03', '西町の女性（70代）', NULL), (3, 1, '2026-10-04', '近所の人から', 'メモ');
                    """);
            }
            await using (var db = Context(path))
            {
                await db.Database.MigrateAsync();
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT Id, LeadId, Reference FROM PlaceReferral ORDER BY Id";
                await using var reader = await command.ExecuteReaderAsync();
                var referrals = new List<Row>();
                while (await reader.ReadAsync())
                {
                    referrals.Add(new Row(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                }

                Assert.Equal(
                    [new Row(1, 5, null), new Row(2, null, "西町の女性（70代）"), new Row(3, null, "近所の人から")],
                    referrals);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private sealed record Row(int Id, int? LeadId, string? Reference);

    private static SqliteJusoDbContext Context(string path) =>
        new(new DbContextOptionsBuilder<SqliteJusoDbContext>().UseSqlite($"Data Source={path}").Options);
}
