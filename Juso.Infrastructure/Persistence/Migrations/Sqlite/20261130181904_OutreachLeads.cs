using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutreachLeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SourceAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Worry = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResponsibleAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    OutreachWorkerStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactEveryDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsentMethod = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConvertedCaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConvertedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeadId = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeadId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Approach = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DraftedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                unique: true);

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
