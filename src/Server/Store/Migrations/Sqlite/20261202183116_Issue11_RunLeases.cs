using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceFix.Server.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue11_RunLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CancelRequested",
                table: "runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "runs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseExpiresAt",
                table: "runs",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancelRequested",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAt",
                table: "runs");
        }
    }
}
