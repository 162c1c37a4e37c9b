using Juso.Infrastructure.Persistence;
using Juso.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Juso.Tests.Infrastructure;

public sealed class MigrationsTests
{
    [Fact]
    public async Task Sqlite_MigratedDatabase_HasEveryMigrationApplied_AndRunsInWalMode()
    {
        await using var harness = await PortalHarness.CreateAsync();
        await using var db = harness.NewContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Sqlite_Model_HasNoChangesMissingAMigration()
    {
        using var db = new SqliteJusoDbContext(new DbContextOptionsBuilder<SqliteJusoDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run dotnet ef migrations add for SqliteJusoDbContext.");
    }

    [Fact]
    public void SqlServer_Model_HasNoChangesMissingAMigration()
    {
        using var db = SqlServerContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQL Server migration: run dotnet ef migrations add for SqlServerJusoDbContext.");
    }

    [Fact]
    public void SqlServer_IdempotentScript_CreatesEveryTableWithRowVersionlessConcurrency()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in new[] { "Agencies", "Staff", "Households", "HouseholdMembers", "Cases", "CaseConcerns", "CaseAgencies", "ConsentRecords", "CaseEvents", "AuditEntries", "UserSessions", "AspNetUsers" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }
        Assert.Contains("IF NOT EXISTS", script);
        Assert.DoesNotContain("rowversion", script);
    }

    private static SqlServerJusoDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerJusoDbContext>().UseSqlServer("Server=unused;Database=Juso;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
