using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KalshiDesk.Data;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteDeskDbContext</c> build the SQLite model.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDeskDbContext>
{
    public SqliteDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder().UseSqlite("Data Source=design.db").Options);
}
