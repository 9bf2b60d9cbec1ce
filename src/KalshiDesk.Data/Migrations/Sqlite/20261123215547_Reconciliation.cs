using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KalshiDesk.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reconciliation_differences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Ticker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Desk = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Exchange = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Correction = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation_differences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OrdersChecked = table.Column<int>(type: "INTEGER", nullable: false),
                    FillsImported = table.Column<int>(type: "INTEGER", nullable: false),
                    SettlementsImported = table.Column<int>(type: "INTEGER", nullable: false),
                    Differences = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reconciliation_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "settlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ticker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EventTicker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revenue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    YesCount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    NoCount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false)
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
