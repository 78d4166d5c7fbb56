using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceFix.Server.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue15_ModelCost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "InputPricePerMTok",
                table: "runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModelEndpoint",
                table: "runs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "OutputPricePerMTok",
                table: "runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PromptTokens",
                table: "runs",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PromptTokens",
                table: "episodes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InputPricePerMTok",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "ModelEndpoint",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "OutputPricePerMTok",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "PromptTokens",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "PromptTokens",
                table: "episodes");
        }
    }
}
