using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CarryingOnAgencyId",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureEvaluation",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReason",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Findings",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandBackReason",
                table: "AgendaItem",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextMonitoringDue",
                table: "AgendaItem",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgendaAssignmentReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaAssignmentReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaAssignmentReviews_AgendaItem_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgendaGoalReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaGoalReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaGoalReviews_AgendaItem_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_CarryingOnAgencyId",
                table: "AgendaItem",
                column: "CarryingOnAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaAssignmentReviews_AgendaItemId",
                table: "AgendaAssignmentReviews",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaGoalReviews_AgendaItemId",
                table: "AgendaGoalReviews",
                column: "AgendaItemId");

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItem_Agencies_CarryingOnAgencyId",
                table: "AgendaItem",
                column: "CarryingOnAgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgendaItem_Agencies_CarryingOnAgencyId",
                table: "AgendaItem");

            migrationBuilder.DropTable(
                name: "AgendaAssignmentReviews");

            migrationBuilder.DropTable(
                name: "AgendaGoalReviews");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_CarryingOnAgencyId",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "CarryingOnAgencyId",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "ClosureEvaluation",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "ClosureReason",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "Findings",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "HandBackReason",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "NextMonitoringDue",
                table: "AgendaItem");
        }
    }
}
