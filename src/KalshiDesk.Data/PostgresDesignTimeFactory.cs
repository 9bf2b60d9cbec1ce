using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KalshiDesk.Data;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresDeskDbContext</c> build the PostgreSQL model.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDeskDbContext>
{
    public PostgresDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder().UseNpgsql("Host=localhost;Database=design").Options);
}
