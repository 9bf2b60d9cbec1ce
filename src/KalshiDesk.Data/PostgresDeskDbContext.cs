using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Data;

/// <summary>The PostgreSQL store (production; the one that supports several app instances).</summary>
public sealed class PostgresDeskDbContext(DbContextOptions options) : DeskDbContext(options)
{
}
