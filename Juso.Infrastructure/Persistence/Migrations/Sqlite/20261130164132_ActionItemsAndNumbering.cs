using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAt",
                table: "ActionItem",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompletedBy",
                table: "ActionItem",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            // Meetings held before numbering existed: 第N回 in the order they were held, per kind and 年度 (Japan time).
            migrationBuilder.Sql("UPDATE Meetings SET Number = (SELECT COUNT(*) FROM Meetings o WHERE o.Kind = Meetings.Kind AND CAST(strftime('%Y', datetime(o.ScheduledAt, '+9 hours')) AS INTEGER) - CASE WHEN CAST(strftime('%m', datetime(o.ScheduledAt, '+9 hours')) AS INTEGER) < 4 THEN 1 ELSE 0 END = CAST(strftime('%Y', datetime(Meetings.ScheduledAt, '+9 hours')) AS INTEGER) - CASE WHEN CAST(strftime('%m', datetime(Meetings.ScheduledAt, '+9 hours')) AS INTEGER) < 4 THEN 1 ELSE 0 END AND (o.ScheduledAt < Meetings.ScheduledAt OR (o.ScheduledAt = Meetings.ScheduledAt AND o.Id <= Meetings.Id)))");

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
