using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AgendaTopics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_MeetingId_SupportCaseId",
                table: "AgendaItem");

            migrationBuilder.AlterColumn<int>(
                name: "SupportCaseId",
                table: "AgendaItem",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            // Every item so far is a case's.
            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "AgendaItem",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Case");

            migrationBuilder.AddColumn<string>(
                name: "TopicDescription",
                table: "AgendaItem",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TopicTitle",
                table: "AgendaItem",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_MeetingId_SupportCaseId",
                table: "AgendaItem",
                columns: new[] { "MeetingId", "SupportCaseId" },
                unique: true,
                filter: "[SupportCaseId] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_MeetingId_SupportCaseId",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "TopicDescription",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "TopicTitle",
                table: "AgendaItem");

            migrationBuilder.AlterColumn<int>(
                name: "SupportCaseId",
                table: "AgendaItem",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_MeetingId_SupportCaseId",
                table: "AgendaItem",
                columns: new[] { "MeetingId", "SupportCaseId" },
                unique: true);
        }
    }
}
