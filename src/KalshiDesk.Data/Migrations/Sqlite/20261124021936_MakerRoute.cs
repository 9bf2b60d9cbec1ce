using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KalshiDesk.Data.Migrations.Sqlite
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
                type: "REAL",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "proposals",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "taker");

            migrationBuilder.AddColumn<long>(
                name: "ExpiresAt",
                table: "orders",
                type: "INTEGER",
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
