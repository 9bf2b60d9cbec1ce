using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KalshiDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BreakerCountedAt",
                table: "settlements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Cost",
                table: "settlements",
                type: "TEXT",
                precision: 18,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Gates",
                table: "cycle_runs",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "SitOut",
                table: "cycle_runs",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TradingState",
                table: "cycle_runs",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "active");

            migrationBuilder.AddColumn<string>(
                name: "NewValue",
                table: "audit",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OldValue",
                table: "audit",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "risk_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Since = table.Column<long>(type: "INTEGER", nullable: false),
                    TradingDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DayStartEquity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    PeakEquity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    LastEquity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    LosingStreak = table.Column<int>(type: "INTEGER", nullable: false),
                    ObservedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk_state", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_settlements_BreakerCountedAt",
                table: "settlements",
                column: "BreakerCountedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "risk_state");

            migrationBuilder.DropIndex(
                name: "IX_settlements_BreakerCountedAt",
                table: "settlements");

            migrationBuilder.DropColumn(
                name: "BreakerCountedAt",
                table: "settlements");

            migrationBuilder.DropColumn(
                name: "Cost",
                table: "settlements");

            migrationBuilder.DropColumn(
                name: "Gates",
                table: "cycle_runs");

            migrationBuilder.DropColumn(
                name: "SitOut",
                table: "cycle_runs");

            migrationBuilder.DropColumn(
                name: "TradingState",
                table: "cycle_runs");

            migrationBuilder.DropColumn(
                name: "NewValue",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "OldValue",
                table: "audit");
        }
    }
}
