using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KalshiDesk.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Reconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExchangeFillId",
                table: "fills",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reconciliation_differences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Ticker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Desk = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Exchange = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Correction = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation_differences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OrdersChecked = table.Column<int>(type: "integer", nullable: false),
                    FillsImported = table.Column<int>(type: "integer", nullable: false),
                    SettlementsImported = table.Column<int>(type: "integer", nullable: false),
                    Differences = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "settlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Ticker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EventTicker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Result = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SettledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revenue = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    YesCount = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    NoCount = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    Fee = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settlements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fills_ExchangeFillId",
                table: "fills",
                column: "ExchangeFillId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_differences_RunId",
                table: "reconciliation_differences",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_reconciliation_runs_StartedAt",
                table: "reconciliation_runs",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_settlements_Ticker",
                table: "settlements",
                column: "Ticker",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reconciliation_differences");

            migrationBuilder.DropTable(
                name: "reconciliation_runs");

            migrationBuilder.DropTable(
                name: "settlements");

            migrationBuilder.DropIndex(
                name: "IX_fills_ExchangeFillId",
                table: "fills");

            migrationBuilder.DropColumn(
                name: "ExchangeFillId",
                table: "fills");
        }
    }
}
