using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juso.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutreachLeadsOnAgenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LeadId",
                table: "AgendaItem",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_LeadId",
                table: "AgendaItem",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_MeetingId_LeadId",
                table: "AgendaItem",
                columns: new[] { "MeetingId", "LeadId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItem_OutreachLeads_LeadId",
                table: "AgendaItem",
                column: "LeadId",
                principalTable: "OutreachLeads",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgendaItem_OutreachLeads_LeadId",
                table: "AgendaItem");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_LeadId",
                table: "AgendaItem");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItem_MeetingId_LeadId",
                table: "AgendaItem");

            migrationBuilder.DropColumn(
                name: "LeadId",
                table: "AgendaItem");
        }
    }
}
