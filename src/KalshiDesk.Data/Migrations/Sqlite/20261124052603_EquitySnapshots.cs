using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KalshiDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EquitySnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "equity_snapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Equity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Cash = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Exposure = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Deposits = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    RealizedPnl = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    UnrealizedPnl = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_equity_snapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_equity_snapshots_At",
                table: "equity_snapshots",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "equity_snapshots");
        }
    }
}
