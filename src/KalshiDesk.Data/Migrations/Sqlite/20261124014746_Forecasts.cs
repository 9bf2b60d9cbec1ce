using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KalshiDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Forecasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forecasts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ticker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EventTicker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecisionTime = table.Column<long>(type: "INTEGER", nullable: false),
                    CloseTime = table.Column<long>(type: "INTEGER", nullable: false),
                    MarketProbabilityYes = table.Column<double>(type: "REAL", nullable: false),
                    PooledProbabilityYes = table.Column<double>(type: "REAL", nullable: false),
                    ProbabilityYes = table.Column<double>(type: "REAL", nullable: false),
                    Recalibrator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Disagreement = table.Column<double>(type: "REAL", nullable: false),
                    YesWon = table.Column<bool>(type: "INTEGER", nullable: true),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forecasts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "model_forecasts",
                columns: table => new
                {
                    ForecastId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProbabilityYes = table.Column<double>(type: "REAL", nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Inputs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_forecasts", x => new { x.ForecastId, x.Model });
                    table.ForeignKey(
                        name: "FK_model_forecasts_forecasts_ForecastId",
                        column: x => x.ForecastId,
                        principalTable: "forecasts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_forecasts_ScoredAt_CloseTime",
                table: "forecasts",
                columns: new[] { "ScoredAt", "CloseTime" });

            migrationBuilder.CreateIndex(
                name: "IX_forecasts_SettledAt",
                table: "forecasts",
                column: "SettledAt");

            migrationBuilder.CreateIndex(
                name: "IX_forecasts_Ticker_DecisionTime",
                table: "forecasts",
                columns: new[] { "Ticker", "DecisionTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "model_forecasts");

            migrationBuilder.DropTable(
                name: "forecasts");
        }
    }
}
