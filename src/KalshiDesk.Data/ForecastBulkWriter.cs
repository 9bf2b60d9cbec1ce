using KalshiDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace KalshiDesk.Data;

/// <summary>
/// Inserts a cycle's forecasts with their models (<c>forecasts</c> and <c>model_forecasts</c>) in one transaction,
/// without EF Core's change tracker: saving 40,000 forecasts and 160,000 model rows through it takes seconds on
/// PostgreSQL and tens of seconds on SQLite. On PostgreSQL the rows go in by binary COPY, two streams and no per-row
/// statement; on SQLite by one prepared INSERT per table, run once a row. Values pass through the EF Core model's own
/// type mappings and converters (SQLite's UTC-ticks times, its text GUIDs), so the same rows and values land as
/// <c>SaveChanges</c> would write.
/// </summary>
public static class ForecastBulkWriter
{
    // The columns written, in the order every row below writes its values.
    private static readonly string[] ForecastProperties =
    [
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
        nameof(ForecastEntity.ScoredAt),
    ];

    private static readonly string[] ModelProperties =
    [
        nameof(ModelForecastEntity.ForecastId),
        nameof(ModelForecastEntity.Model),
        nameof(ModelForecastEntity.ProbabilityYes),
        nameof(ModelForecastEntity.Confidence),
        nameof(ModelForecastEntity.Inputs),
    ];

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

        await context.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var transaction = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (context.Database.GetDbConnection() is NpgsqlConnection connection)
                {
                    await CopyForecastsAsync(connection, context.Model, forecasts, ct).ConfigureAwait(false);
                    await CopyModelsAsync(connection, context.Model, forecasts, ct).ConfigureAwait(false);
                }
                else
                {
                    InsertRows(context, transaction.GetDbTransaction(), forecasts);
                }

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
        var columns = Columns<ForecastEntity>(model, ForecastProperties);
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
        var columns = Columns<ModelForecastEntity>(model, ModelProperties);
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

    /// <summary>
    /// One prepared INSERT per table, its parameters set row by row. Synchronous: SQLite's async calls complete inline
    /// anyway, and 200,000 of them would only add a task each.
    /// </summary>
    private static void InsertRows(DeskDbContext context, System.Data.Common.DbTransaction transaction, IReadOnlyCollection<ForecastEntity> forecasts)
    {
        using var forecastRow = RowInsert.For<ForecastEntity>(context, transaction, ForecastProperties);
        using var modelRow = RowInsert.For<ModelForecastEntity>(context, transaction, ModelProperties);
        foreach (var f in forecasts)
        {
            forecastRow.Insert(f.Id, f.CycleId, f.Ticker, f.EventTicker, f.Category, f.DecisionTime, f.CloseTime, f.MarketProbabilityYes, f.PooledProbabilityYes, f.ProbabilityYes, f.Recalibrator, f.Disagreement, f.YesWon, f.SettledAt, f.ScoredAt);
        }

        foreach (var forecast in forecasts)
        {
            foreach (var m in forecast.Models)
            {
                m.ForecastId = forecast.Id;
                modelRow.Insert(m.ForecastId, m.Model, m.ProbabilityYes, m.Confidence, m.Inputs);
            }
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

    /// <summary>A prepared <c>INSERT</c> of some of an entity's columns, each value converted by its property's EF Core type mapping.</summary>
    private sealed class RowInsert : IDisposable
    {
        private readonly System.Data.Common.DbCommand _command;
        private readonly RelationalTypeMapping[] _mappings;

        private RowInsert(System.Data.Common.DbCommand command, RelationalTypeMapping[] mappings)
        {
            _command = command;
            _mappings = mappings;
        }

        public static RowInsert For<TEntity>(DeskDbContext context, System.Data.Common.DbTransaction transaction, params string[] properties)
        {
            var entity = context.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
            var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} maps to no table.");
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var mapped = properties.Select(p => entity.FindProperty(p) ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{p} is not mapped.")).ToArray();
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", mapped.Select(p => Quote(p.GetColumnName(store)!)))}) VALUES ({string.Join(", ", mapped.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
            var mappings = new RelationalTypeMapping[mapped.Length];
            for (var i = 0; i < mapped.Length; i++)
            {
                mappings[i] = mapped[i].GetRelationalTypeMapping();
                command.Parameters.Add(mappings[i].CreateParameter(command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, mapped[i].IsNullable));
            }

            command.Prepare();
            return new RowInsert(command, mappings);
        }

        public void Insert(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if (value is not null && _mappings[i].Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                _command.Parameters[i].Value = value ?? DBNull.Value;
            }

            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }
}
