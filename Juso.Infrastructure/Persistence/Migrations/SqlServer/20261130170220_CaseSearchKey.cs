using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CaseSearchKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SearchKey comes empty; DatabaseInitializer.FillSearchKeysAsync fills existing rows at startup through
            // Household.RefreshSearchKey, the Domain code that keeps the key afterwards (one definition, not a SQL copy).
            migrationBuilder.DropIndex(
                name: "IX_Cases_HouseholdId",
                table: "Cases");

            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "Households",
                type: "nvarchar(2440)",
                maxLength: 2440,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_HouseholdId_IntakeDate",
                table: "Cases",
                columns: new[] { "HouseholdId", "IntakeDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_HouseholdId_IntakeDate",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "Households");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_HouseholdId",
                table: "Cases",
                column: "HouseholdId");
        }
    }
}
