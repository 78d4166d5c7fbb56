using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceFix.Server.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue15_Forks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ForkEpisodeIndex",
                table: "runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ForkSequence",
                table: "runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ForkStepIndex",
                table: "runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentRunId",
                table: "runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_runs_ParentRunId",
                table: "runs",
                column: "ParentRunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_runs_ParentRunId",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "ForkEpisodeIndex",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "ForkSequence",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "ForkStepIndex",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "ParentRunId",
                table: "runs");
        }
    }
}
