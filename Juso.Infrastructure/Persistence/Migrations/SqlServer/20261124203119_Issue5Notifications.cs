using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    SubjectId = table.Column<int>(type: "int", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecipientUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    CaseId = table.Column<int>(type: "int", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Link = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    MailState = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    MailQueuedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    MailClaimedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    MailSentAt = table.Column<DateTime>(type: "datetime2", nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false),
                    DueSoonDays = table.Column<int>(type: "int", nullable: false),
                    EscalationGraceDays = table.Column<int>(type: "int", nullable: false),
                    MeetingReminderDays = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    DigestThreshold = table.Column<int>(type: "int", nullable: false),
                    OverdueEnabled = table.Column<bool>(type: "bit", nullable: false),
                    OverdueRunAt = table.Column<TimeOnly>(type: "time", nullable: false),
                    DueSoonEnabled = table.Column<bool>(type: "bit", nullable: false),
                    DueSoonRunAt = table.Column<TimeOnly>(type: "time", nullable: false),
                    MeetingRemindersEnabled = table.Column<bool>(type: "bit", nullable: false),
                    MeetingRemindersRunAt = table.Column<TimeOnly>(type: "time", nullable: false),
                    DigestEnabled = table.Column<bool>(type: "bit", nullable: false),
                    DigestRunAt = table.Column<TimeOnly>(type: "time", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
