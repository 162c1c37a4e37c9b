using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// SQLite only, and no change to the model: the FTS5 index of the households' search keys and the triggers that
    /// keep it (docs/adr/0033-household-search-index.md). Rows whose key is still empty are indexed when the startup
    /// fill sets it (the update trigger). SQL Server searches the key column itself.
    /// </summary>
    [DbContext(typeof(SqliteJusoDbContext))]
    [Migration("20261201003000_IndexHouseholdSearchKeys")]
    public partial class IndexHouseholdSearchKeys : Migration
    {
        private const string Tokens = HouseholdSearchIndex.TokensFunction;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Contentless: the tokens are only indexed, never stored; contentless_delete lets the triggers delete by rowid.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE HouseholdSearchIndex USING fts5(Tokens, content='', contentless_delete=1, tokenize='ascii');");
            migrationBuilder.Sql($"INSERT INTO HouseholdSearchIndex (rowid, Tokens) SELECT Id, {Tokens}(SearchKey) FROM Households;");
            migrationBuilder.Sql($"""
                CREATE TRIGGER Households_SearchIndex_Insert AFTER INSERT ON Households BEGIN
                    INSERT INTO HouseholdSearchIndex (rowid, Tokens) VALUES (new.Id, {Tokens}(new.SearchKey));
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Households_SearchIndex_Update AFTER UPDATE OF SearchKey ON Households BEGIN
                    DELETE FROM HouseholdSearchIndex WHERE rowid = old.Id;
                    INSERT INTO HouseholdSearchIndex (rowid, Tokens) VALUES (new.Id, {Tokens}(new.SearchKey));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Households_SearchIndex_Delete AFTER DELETE ON Households BEGIN
                    DELETE FROM HouseholdSearchIndex WHERE rowid = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER Households_SearchIndex_Delete;");
            migrationBuilder.Sql("DROP TRIGGER Households_SearchIndex_Update;");
            migrationBuilder.Sql("DROP TRIGGER Households_SearchIndex_Insert;");
            migrationBuilder.Sql("DROP TABLE HouseholdSearchIndex;");
        }
    }
}
