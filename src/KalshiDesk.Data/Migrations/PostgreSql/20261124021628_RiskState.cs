using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KalshiDesk.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RiskState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BreakerCountedAt",
                table: "settlements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Cost",
                table: "settlements",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Gates",
                table: "cycle_runs",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "SitOut",
                table: "cycle_runs",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TradingState",
                table: "cycle_runs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "active");

            migrationBuilder.AddColumn<string>(
                name: "NewValue",
                table: "audit",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OldValue",
                table: "audit",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "risk_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Cause = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TradingDay = table.Column<DateOnly>(type: "date", nullable: false),
                    DayStartEquity = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    PeakEquity = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    LastEquity = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    LosingStreak = table.Column<int>(type: "integer", nullable: false),
                    ObservedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
