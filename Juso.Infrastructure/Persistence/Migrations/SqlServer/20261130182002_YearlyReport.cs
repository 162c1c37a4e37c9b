using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Juso.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class YearlyReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Department",
                table: "Agencies",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Programs",
                table: "Agencies",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ConcernCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    FromYear = table.Column<int>(type: "int", nullable: false),
                    UntilYear = table.Column<int>(type: "int", nullable: true),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargetValues",
                columns: table => new
                {
                    Indicator = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    IndicatorTargetsId = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(12,1)", precision: 12, scale: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargetValues", x => new { x.IndicatorTargetsId, x.Indicator });
                    table.ForeignKey(
                        name: "FK_IndicatorTargetValues_IndicatorTargets_IndicatorTargetsId",
                        column: x => x.IndicatorTargetsId,
                        principalTable: "IndicatorTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ConcernCategories",
                columns: new[] { "Id", "Code", "CreatedAt", "FromYear", "Name", "Order", "UntilYear", "UpdatedAt", "Version" },
                values: new object[,]
                {
                    { 1, "Hikikomori", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "ひきこもり", 1, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 2, "EightyFifty", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "8050", 2, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 3, "YoungCarer", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "ヤングケアラー", 3, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 4, "DoubleCare", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "ダブルケア", 4, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 5, "IllnessOrDisability", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "病気・障害等", 5, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 6, "Unemployment", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "不就労", 6, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 7, "SchoolRefusal", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "不登校", 7, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 8, "ElderlyCare", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "高齢・介護", 8, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 9, "Children", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "子ども", 9, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 10, "Disability", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "障害", 10, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 11, "Poverty", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "生活困窮", 11, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 12, "Other", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1999, "その他", 12, null, new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernCategories_Code_FromYear",
                table: "ConcernCategories",
                columns: new[] { "Code", "FromYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_FiscalYear",
                table: "IndicatorTargets",
                column: "FiscalYear",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConcernCategories");

            migrationBuilder.DropTable(
                name: "IndicatorTargetValues");

            migrationBuilder.DropTable(
                name: "IndicatorTargets");

            migrationBuilder.DropColumn(
                name: "Department",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "Programs",
                table: "Agencies");
        }
    }
}
