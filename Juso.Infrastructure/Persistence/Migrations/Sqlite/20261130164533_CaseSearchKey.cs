using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseSearchKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The column comes empty; DatabaseInitializer.FillSearchKeysAsync fills existing rows at startup through
            // Household.RefreshSearchKey, the Domain code that keeps the key afterwards (one definition, not a SQL copy).
            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "Households",
                type: "TEXT",
                maxLength: 2440,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "Households");
        }
    }
}
