using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ParticipationAndCommunity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommunityPlaces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Organiser = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Location = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Recurrence = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    IsArchived = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityPlaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialResources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Place = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Schedule = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SuitedFor = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ContactPerson = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Accessibility = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Capacity = table.Column<int>(type: "int", nullable: true),
                    RaisedAt = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsDeveloped = table.Column<bool>(type: "bit", nullable: false),
                    DevelopedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DevelopmentNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialResources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlaceReferral",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommunityPlaceId = table.Column<int>(type: "int", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    SupportCaseId = table.Column<int>(type: "int", nullable: true),
                    Reference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceReferral", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaceReferral_Cases_SupportCaseId",
                        column: x => x.SupportCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlaceReferral_CommunityPlaces_CommunityPlaceId",
                        column: x => x.CommunityPlaceId,
                        principalTable: "CommunityPlaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaceSession",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommunityPlaceId = table.Column<int>(type: "int", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Participants = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceSession", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaceSession_CommunityPlaces_CommunityPlaceId",
                        column: x => x.CommunityPlaceId,
                        principalTable: "CommunityPlaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SupportCaseId = table.Column<int>(type: "int", nullable: false),
                    HouseholdMemberId = table.Column<int>(type: "int", nullable: false),
                    SupportPlanId = table.Column<int>(type: "int", nullable: false),
                    WorkerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    WorkerName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Goal = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FollowUpIntervalDays = table.Column<int>(type: "int", nullable: false),
                    MatchedResourceId = table.Column<int>(type: "int", nullable: true),
                    PersonWishes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    HostBriefing = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    HostAgreement = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ConsentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MatchedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TrialFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    TrialUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    NextFollowUpDue = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    OutcomeNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationPlans_Cases_SupportCaseId",
                        column: x => x.SupportCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ParticipationPlans_HouseholdMembers_HouseholdMemberId",
                        column: x => x.HouseholdMemberId,
                        principalTable: "HouseholdMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ParticipationPlans_Plans_SupportPlanId",
                        column: x => x.SupportPlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ParticipationPlans_SocialResources_MatchedResourceId",
                        column: x => x.MatchedResourceId,
                        principalTable: "SocialResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationCandidate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ParticipationPlanId = table.Column<int>(type: "int", nullable: false),
                    SocialResourceId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationCandidate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationCandidate_ParticipationPlans_ParticipationPlanId",
                        column: x => x.ParticipationPlanId,
                        principalTable: "ParticipationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParticipationCandidate_SocialResources_SocialResourceId",
                        column: x => x.SocialResourceId,
                        principalTable: "SocialResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationFollowUp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ParticipationPlanId = table.Column<int>(type: "int", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Target = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationFollowUp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationFollowUp_ParticipationPlans_ParticipationPlanId",
                        column: x => x.ParticipationPlanId,
                        principalTable: "ParticipationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationCandidate_ParticipationPlanId",
                table: "ParticipationCandidate",
                column: "ParticipationPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationCandidate_SocialResourceId",
                table: "ParticipationCandidate",
                column: "SocialResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationFollowUp_ParticipationPlanId",
                table: "ParticipationFollowUp",
                column: "ParticipationPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPlans_HouseholdMemberId",
                table: "ParticipationPlans",
                column: "HouseholdMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPlans_MatchedResourceId",
                table: "ParticipationPlans",
                column: "MatchedResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPlans_Status_NextFollowUpDue",
                table: "ParticipationPlans",
                columns: new[] { "Status", "NextFollowUpDue" });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPlans_SupportCaseId",
                table: "ParticipationPlans",
                column: "SupportCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPlans_SupportPlanId",
                table: "ParticipationPlans",
                column: "SupportPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaceReferral_CommunityPlaceId",
                table: "PlaceReferral",
                column: "CommunityPlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaceReferral_SupportCaseId",
                table: "PlaceReferral",
                column: "SupportCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaceSession_CommunityPlaceId_HeldOn",
                table: "PlaceSession",
                columns: new[] { "CommunityPlaceId", "HeldOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialResources_Status_Kind",
                table: "SocialResources",
                columns: new[] { "Status", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ParticipationCandidate");

            migrationBuilder.DropTable(
                name: "ParticipationFollowUp");

            migrationBuilder.DropTable(
                name: "PlaceReferral");

            migrationBuilder.DropTable(
                name: "PlaceSession");

            migrationBuilder.DropTable(
                name: "ParticipationPlans");

            migrationBuilder.DropTable(
                name: "CommunityPlaces");

            migrationBuilder.DropTable(
                name: "SocialResources");
        }
    }
}
