using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FollowUpAfterClosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsFollowUp",
                table: "ContactRecords",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextFollowUpOn",
                table: "ContactRecords",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactRecords_IsFollowUp_SupportCaseId",
                table: "ContactRecords",
                columns: new[] { "IsFollowUp", "SupportCaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContactRecords_IsFollowUp_SupportCaseId",
                table: "ContactRecords");

            migrationBuilder.DropColumn(
                name: "IsFollowUp",
                table: "ContactRecords");

            migrationBuilder.DropColumn(
                name: "NextFollowUpOn",
                table: "ContactRecords");
        }
    }
}
