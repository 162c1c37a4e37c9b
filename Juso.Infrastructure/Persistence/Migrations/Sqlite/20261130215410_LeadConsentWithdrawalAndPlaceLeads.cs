using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeadConsentWithdrawalAndPlaceLeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LeadId",
                table: "PlaceReferral",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentWithdrawnMethod",
                table: "OutreachLeads",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsentWithdrawnOn",
                table: "OutreachLeads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlaceReferral_LeadId",
                table: "PlaceReferral",
                column: "LeadId");

            migrationBuilder.AddForeignKey(
                name: "FK_PlaceReferral_OutreachLeads_LeadId",
                table: "PlaceReferral",
                column: "LeadId",
                principalTable: "OutreachLeads",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Referrals recorded as free text before leads had their own record: linked where the text is exactly one
            // lead's description (the text then lives on the lead); any other text is kept as it was.
            migrationBuilder.Sql(
                "UPDATE PlaceReferral SET LeadId = (SELECT MIN(l.Id) FROM OutreachLeads l WHERE l.Description = TRIM(PlaceReferral.Reference)), Reference = NULL " +
                "WHERE LeadId IS NULL AND Reference IS NOT NULL " +
                "AND (SELECT COUNT(*) FROM OutreachLeads l WHERE l.Description = TRIM(PlaceReferral.Reference)) = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE PlaceReferral SET Reference = (SELECT l.Description FROM OutreachLeads l WHERE l.Id = PlaceReferral.LeadId) " +
                "WHERE LeadId IS NOT NULL AND Reference IS NULL");

            migrationBuilder.DropForeignKey(
                name: "FK_PlaceReferral_OutreachLeads_LeadId",
                table: "PlaceReferral");

            migrationBuilder.DropIndex(
                name: "IX_PlaceReferral_LeadId",
                table: "PlaceReferral");

            migrationBuilder.DropColumn(
                name: "LeadId",
                table: "PlaceReferral");

            migrationBuilder.DropColumn(
                name: "ConsentWithdrawnMethod",
                table: "OutreachLeads");

            migrationBuilder.DropColumn(
                name: "ConsentWithdrawnOn",
                table: "OutreachLeads");
        }
    }
}
