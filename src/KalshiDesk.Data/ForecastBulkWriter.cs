using KalshiDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace KalshiDesk.Data;

/// <summary>
/// Inserts a cycle's forecasts with their models (<c>forecasts</c> and <c>model_forecasts</c>) in one transaction. On
/// PostgreSQL the rows go in by binary COPY, two streams and no per-row statement: EF Core's batched INSERTs of 40,000
/// forecasts and 160,000 model rows take seconds where COPY takes a fraction of one. On SQLite they go through EF Core,
/// whose batched INSERTs the embedded database takes quickly enough. Either way the same rows and values land.
/// </summary>
public static class ForecastBulkWriter
{
    /// <summary>
    /// Inserts <paramref name="forecasts"/> and each one's <see cref="ForecastEntity.Models"/>; all or none. Times must be
    /// UTC on PostgreSQL, as EF Core's Npgsql mapping demands of a <c>timestamp with time zone</c>.
    /// </summary>
    public static async Task InsertAsync(DeskDbContext context, IReadOnlyCollection<ForecastEntity> forecasts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(forecasts);
        if (forecasts.Count == 0)
        {
            return;
        }

        if (context.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            context.Forecasts.AddRange(forecasts);
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return;
        }

        await context.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var transaction = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await CopyForecastsAsync(connection, context.Model, forecasts, ct).ConfigureAwait(false);
                await CopyModelsAsync(connection, context.Model, forecasts, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static async Task CopyForecastsAsync(NpgsqlConnection connection, IModel model, IReadOnlyCollection<ForecastEntity> forecasts, CancellationToken ct)
    {
        var columns = Columns<ForecastEntity>(
            model,
            nameof(ForecastEntity.Id),
            nameof(ForecastEntity.CycleId),
            nameof(ForecastEntity.Ticker),
            nameof(ForecastEntity.EventTicker),
            nameof(ForecastEntity.Category),
            nameof(ForecastEntity.DecisionTime),
            nameof(ForecastEntity.CloseTime),
            nameof(ForecastEntity.MarketProbabilityYes),
            nameof(ForecastEntity.PooledProbabilityYes),
            nameof(ForecastEntity.ProbabilityYes),
            nameof(ForecastEntity.Recalibrator),
            nameof(ForecastEntity.Disagreement),
            nameof(ForecastEntity.YesWon),
            nameof(ForecastEntity.SettledAt),
            nameof(ForecastEntity.ScoredAt));
        var importer = await connection.BeginBinaryImportAsync(columns, ct).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var f in forecasts)
            {
                await importer.StartRowAsync(ct).ConfigureAwait(false);
                await importer.WriteAsync(f.Id, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await importer.WriteAsync(f.CycleId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                await importer.WriteAsync(f.Ticker, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await importer.WriteAsync(f.EventTicker, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await importer.WriteAsync(f.Category, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await importer.WriteAsync(f.DecisionTime, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await importer.WriteAsync(f.CloseTime, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await importer.WriteAsync(f.MarketProbabilityYes, NpgsqlDbType.Double, ct).ConfigureAwait(false);
                await importer.WriteAsync(f.PooledProbabilityYes, NpgsqlDbType.Double, ct).ConfigureAwait(false);
                await importer.WriteAsync(f.ProbabilityYes, NpgsqlDbType.Double, ct).ConfigureAwait(false);
                await importer.WriteAsync(f.Recalibrator, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                await importer.WriteAsync(f.Disagreement, NpgsqlDbType.Double, ct).ConfigureAwait(false);
                await WriteNullableAsync(importer, f.YesWon, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
                await WriteNullableAsync(importer, f.SettledAt, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await WriteNullableAsync(importer, f.ScoredAt, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
            }

            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task CopyModelsAsync(NpgsqlConnection connection, IModel model, IReadOnlyCollection<ForecastEntity> forecasts, CancellationToken ct)
    {
        var columns = Columns<ModelForecastEntity>(
            model,
            nameof(ModelForecastEntity.ForecastId),
            nameof(ModelForecastEntity.Model),
            nameof(ModelForecastEntity.ProbabilityYes),
            nameof(ModelForecastEntity.Confidence),
            nameof(ModelForecastEntity.Inputs));
        var importer = await connection.BeginBinaryImportAsync(columns, ct).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var forecast in forecasts)
            {
                foreach (var m in forecast.Models)
                {
                    // The key EF Core would take from the navigation: a model row belongs to the forecast it hangs on.
                    m.ForecastId = forecast.Id;
                    await importer.StartRowAsync(ct).ConfigureAwait(false);
                    await importer.WriteAsync(m.ForecastId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
                    await importer.WriteAsync(m.Model, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                    await importer.WriteAsync(m.ProbabilityYes, NpgsqlDbType.Double, ct).ConfigureAwait(false);
                    await importer.WriteAsync(m.Confidence, NpgsqlDbType.Double, ct).ConfigureAwait(false);
                    await importer.WriteAsync(m.Inputs, NpgsqlDbType.Varchar, ct).ConfigureAwait(false);
                }
            }

            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct =>
        value is { } v ? importer.WriteAsync(v, type, ct) : importer.WriteNullAsync(ct);

    /// <summary>
    /// <c>COPY "forecasts" ("Id", …) FROM STDIN (FORMAT BINARY)</c>, with the table and column names the EF Core model maps,
    /// so a renamed column cannot drift from the migrations. The table is left unqualified, as EF Core leaves it: the
    /// connection's search path decides the schema.
    /// </summary>
    private static string Columns<TEntity>(IModel model, params string[] properties)
    {
        var entity = model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} maps to no table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var names = properties.Select(p => Quote(entity.FindProperty(p)?.GetColumnName(store) ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{p} maps to no column.")));
        return $"COPY {Quote(table)} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)";
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
