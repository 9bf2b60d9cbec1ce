using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Data;

/// <summary>Creates the provider's context; registered as <see cref="IDbContextFactory{DeskDbContext}"/>.</summary>
public sealed class DeskDbContextFactory(DeskDatabase database) : IDbContextFactory<DeskDbContext>
{
    private readonly DbContextOptions _options = database.BuildOptions();

    public DeskDbContext CreateDbContext() => database.CreateContext(_options);
}
