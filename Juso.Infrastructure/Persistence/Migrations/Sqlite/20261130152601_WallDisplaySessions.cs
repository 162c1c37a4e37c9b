using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WallDisplaySessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DisplayMeetingId",
                table: "UserSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisplayUntil",
                table: "UserSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_DisplayMeetingId",
                table: "UserSessions",
                column: "DisplayMeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserSessions_DisplayMeetingId",
                table: "UserSessions");

            migrationBuilder.DropColumn(
                name: "DisplayMeetingId",
                table: "UserSessions");

            migrationBuilder.DropColumn(
                name: "DisplayUntil",
                table: "UserSessions");
        }
    }
}
