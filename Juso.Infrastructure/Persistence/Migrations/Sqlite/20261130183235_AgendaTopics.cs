using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgendaTopics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "SupportCaseId",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            // Every item so far is a case's.
            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Case");

            migrationBuilder.AddColumn<string>(
                name: "TopicDescription",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TopicTitle",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
