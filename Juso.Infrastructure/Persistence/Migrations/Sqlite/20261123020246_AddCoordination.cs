using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCoordination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClosureEvaluation",
                table: "Cases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvaluatedAt",
                table: "Cases",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsHandedBack",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupportCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessmentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Health = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Finances = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Housing = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FamilyRelations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CommunityTies = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Wishes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Cases_SupportCaseId",
                        column: x => x.SupportCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupportCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithWhom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactRecords_Cases_SupportCaseId",
                        column: x => x.SupportCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupportCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupportPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringReviews_Cases_SupportCaseId",
                        column: x => x.SupportCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonitoringReviews_Plans_SupportPlanId",
                        column: x => x.SupportPlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentMemberIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentMemberIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentMemberIssues_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentSources_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentSources_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringAssignmentReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MonitoringReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringAssignmentReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringAssignmentReviews_MonitoringReviews_MonitoringReviewId",
                        column: x => x.MonitoringReviewId,
                        principalTable: "MonitoringReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MonitoringAssignmentReviews_RoleAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "RoleAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringGoalReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MonitoringReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringGoalReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringGoalReviews_MonitoringReviews_MonitoringReviewId",
                        column: x => x.MonitoringReviewId,
                        principalTable: "MonitoringReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MonitoringGoalReviews_PlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "PlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentMemberIssues_AssessmentId",
                table: "AssessmentMemberIssues",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentMemberIssues_MemberId",
                table: "AssessmentMemberIssues",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_SupportCaseId_AssessmentVersion",
                table: "Assessments",
                columns: new[] { "SupportCaseId", "AssessmentVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSources_AgencyId",
                table: "AssessmentSources",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSources_AssessmentId",
                table: "AssessmentSources",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRecords_SupportCaseId_OccurredAt",
                table: "ContactRecords",
                columns: new[] { "SupportCaseId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAssignmentReviews_AssignmentId",
                table: "MonitoringAssignmentReviews",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAssignmentReviews_MonitoringReviewId",
                table: "MonitoringAssignmentReviews",
                column: "MonitoringReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringGoalReviews_GoalId",
                table: "MonitoringGoalReviews",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringGoalReviews_MonitoringReviewId",
                table: "MonitoringGoalReviews",
                column: "MonitoringReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringReviews_SupportCaseId",
                table: "MonitoringReviews",
                column: "SupportCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringReviews_SupportPlanId_ReviewedOn",
                table: "MonitoringReviews",
                columns: new[] { "SupportPlanId", "ReviewedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentMemberIssues");

            migrationBuilder.DropTable(
                name: "AssessmentSources");

            migrationBuilder.DropTable(
                name: "ContactRecords");

            migrationBuilder.DropTable(
                name: "MonitoringAssignmentReviews");

            migrationBuilder.DropTable(
                name: "MonitoringGoalReviews");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "MonitoringReviews");

            migrationBuilder.DropColumn(
                name: "ClosureEvaluation",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "EvaluatedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IsHandedBack",
                table: "Cases");
        }
    }
}
