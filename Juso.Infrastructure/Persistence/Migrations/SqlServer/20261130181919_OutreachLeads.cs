using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OutreachLeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LeadIds",
                table: "AuditEntries",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutreachLeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Description = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    SourceAgencyId = table.Column<int>(type: "int", nullable: true),
                    SourceNote = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Worry = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ResponsibleAgencyId = table.Column<int>(type: "int", nullable: false),
                    OutreachWorkerStaffId = table.Column<int>(type: "int", nullable: true),
                    ContactEveryDays = table.Column<int>(type: "int", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ConsentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsentMethod = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ConvertedCaseId = table.Column<int>(type: "int", nullable: true),
                    ConvertedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachLeads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachLeads_Agencies_ResponsibleAgencyId",
                        column: x => x.ResponsibleAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachLeads_Agencies_SourceAgencyId",
                        column: x => x.SourceAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachLeads_Cases_ConvertedCaseId",
                        column: x => x.ConvertedCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachLeads_Staff_OutreachWorkerStaffId",
                        column: x => x.OutreachWorkerStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutreachContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LeadId = table.Column<int>(type: "int", nullable: false),
                    Method = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachContacts_OutreachLeads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "OutreachLeads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutreachPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LeadId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Goal = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Approach = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DraftedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    MeetingId = table.Column<int>(type: "int", nullable: true),
                    MeetingKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachPlans_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachPlans_OutreachLeads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "OutreachLeads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachContacts_LeadId_OccurredAt",
                table: "OutreachContacts",
                columns: new[] { "LeadId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachLeads_ConvertedCaseId",
                table: "OutreachLeads",
                column: "ConvertedCaseId",
                unique: true,
                filter: "[ConvertedCaseId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachLeads_OutreachWorkerStaffId",
                table: "OutreachLeads",
                column: "OutreachWorkerStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachLeads_RegisteredOn",
                table: "OutreachLeads",
                column: "RegisteredOn");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachLeads_ResponsibleAgencyId_Stage",
                table: "OutreachLeads",
                columns: new[] { "ResponsibleAgencyId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachLeads_SourceAgencyId",
                table: "OutreachLeads",
                column: "SourceAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachPlans_LeadId_Number",
                table: "OutreachPlans",
                columns: new[] { "LeadId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutreachPlans_MeetingId",
                table: "OutreachPlans",
                column: "MeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutreachContacts");

            migrationBuilder.DropTable(
                name: "OutreachPlans");

            migrationBuilder.DropTable(
                name: "OutreachLeads");

            migrationBuilder.DropColumn(
                name: "LeadIds",
                table: "AuditEntries");
        }
    }
}
