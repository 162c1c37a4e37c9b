using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ActionItemsAndNumbering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Meetings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAt",
                table: "ActionItem",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompletedBy",
                table: "ActionItem",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            // Meetings held before numbering existed: 第N回 in the order they were held, per kind and 年度 (Japan time).
            migrationBuilder.Sql("UPDATE m SET Number = (SELECT COUNT(*) FROM Meetings o WHERE o.Kind = m.Kind AND YEAR(DATEADD(hour, 9, o.ScheduledAt)) - CASE WHEN MONTH(DATEADD(hour, 9, o.ScheduledAt)) < 4 THEN 1 ELSE 0 END = YEAR(DATEADD(hour, 9, m.ScheduledAt)) - CASE WHEN MONTH(DATEADD(hour, 9, m.ScheduledAt)) < 4 THEN 1 ELSE 0 END AND (o.ScheduledAt < m.ScheduledAt OR (o.ScheduledAt = m.ScheduledAt AND o.Id <= m.Id))) FROM Meetings m");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Kind_ScheduledAt",
                table: "Meetings",
                columns: new[] { "Kind", "ScheduledAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Meetings_Kind_ScheduledAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "ActionItem");

            migrationBuilder.DropColumn(
                name: "CompletedBy",
                table: "ActionItem");
        }
    }
}
