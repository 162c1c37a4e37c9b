using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue5Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecipientUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MailState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MailQueuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MailClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MailSentAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReminderSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    DueSoonDays = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationGraceDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingReminderDays = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DigestThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    OverdueEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverdueRunAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DueSoonEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueSoonRunAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    MeetingRemindersEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    MeetingRemindersRunAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DigestEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigestRunAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CaseId",
                table: "Notifications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Kind_SubjectId_DueOn_RecipientUserId_Level",
                table: "Notifications",
                columns: new[] { "Kind", "SubjectId", "DueOn", "RecipientUserId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_MailState_MailQueuedAt",
                table: "Notifications",
                columns: new[] { "MailState", "MailQueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_ReadAt",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ReminderSettings");
        }
    }
}
