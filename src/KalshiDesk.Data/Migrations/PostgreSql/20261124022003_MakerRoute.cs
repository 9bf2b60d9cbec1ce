using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KalshiDesk.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MakerRoute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "FillProbability",
                table: "proposals",
                type: "double precision",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "proposals",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "taker");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExpiresAt",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FillProbability",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "Route",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "orders");
        }
    }
}
