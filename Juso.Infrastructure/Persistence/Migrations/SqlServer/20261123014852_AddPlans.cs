using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SupportCaseId = table.Column<int>(type: "int", nullable: false),
                    PlanVersion = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LeadAgencyId = table.Column<int>(type: "int", nullable: true),
                    UsesParticipationSupport = table.Column<bool>(type: "bit", nullable: false),
                    UsesOutreach = table.Column<bool>(type: "bit", nullable: false),
                    MonitoringIntervalDays = table.Column<int>(type: "int", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextMonitoringDue = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovalNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_Agencies_LeadAgencyId",
                        column: x => x.LeadAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Plans_Cases_SupportCaseId",
                        column: x => x.SupportCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SupportPlanId = table.Column<int>(type: "int", nullable: false),
                    Term = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanGoals_Plans_SupportPlanId",
                        column: x => x.SupportPlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoleAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SupportPlanId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    AgencyId = table.Column<int>(type: "int", nullable: false),
                    PersonInCharge = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Task = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Frequency = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_Plans_SupportPlanId",
                        column: x => x.SupportPlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_SupportPlanId",
                table: "PlanGoals",
                column: "SupportPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_LeadAgencyId",
                table: "Plans",
                column: "LeadAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Status_NextMonitoringDue",
                table: "Plans",
                columns: new[] { "Status", "NextMonitoringDue" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_SupportCaseId_PlanVersion",
                table: "Plans",
                columns: new[] { "SupportCaseId", "PlanVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_AgencyId",
                table: "RoleAssignments",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_SupportPlanId",
                table: "RoleAssignments",
                column: "SupportPlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanGoals");

            migrationBuilder.DropTable(
                name: "RoleAssignments");

            migrationBuilder.DropTable(
                name: "Plans");
        }
    }
}
