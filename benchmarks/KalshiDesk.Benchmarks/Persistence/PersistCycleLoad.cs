using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using KalshiDesk.Benchmarks.Forecasting;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Engine.Forecasting;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Benchmarks.Persistence;

/// <summary>
/// PersistCycle, a load script: what a 40,000-market cycle writes, into a real PostgreSQL server started from the
/// system's binaries with its durability on (fsync, synchronous commit): every market's forecast and its four models'
/// (<see cref="ForecastRecorder"/>, bulk), the cycle run and the equity point. Beside it, the forecasts alone through
/// <see cref="ForecastBulkWriter"/> and through EF Core's SaveChanges, the path the bulk writer replaced.
/// </summary>
internal static class PersistCycleLoad
{
    public const string Name = "PersistCycle";

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"{Name}: {ex.Message}");
            Options.Usage(Console.Error);
            return 2;
        }

        var loadBefore = LoadReport.LoadAverage();
        var now = DateTimeOffset.UtcNow;
        var (markets, context, ensemble) = BenchmarkMarkets.Create(options.Markets, now);
        var forecasts = markets.Select(m => (m, ensemble.Forecast(m, context, now)!)).ToList();
        LoadReport.Log($"{forecasts.Count:N0} markets forecast ({forecasts.Sum(f => f.Item2.Models.Count):N0} model forecasts)");

        PostgresServer? postgres = null;
        DirectoryInfo? folder = null;
        try
        {
            DeskDatabase database;
            if (options.Store == "postgres")
            {
                postgres = new PostgresServer { Durable = options.Durable };
                await postgres.InitializeAsync().ConfigureAwait(false);
                database = DeskDatabase.Parse(await postgres.CreateDatabaseAsync().ConfigureAwait(false), Environment.CurrentDirectory);
            }
            else
            {
                folder = Directory.CreateTempSubdirectory("kalshidesk-persist-");
                database = DeskDatabase.Parse("Data Source=desk.db", folder.FullName);
            }

            await database.MigrateAsync().ConfigureAwait(false);
            var version = await ServerVersionAsync(database).ConfigureAwait(false);
            LoadReport.Log($"{database.Location} migrated ({version})");
            var db = new DeskDbContextFactory(database);

            // Every market is due every cycle: the recorder's interval is zero, so each iteration writes all of them.
            var recorder = new ForecastRecorder(db, Microsoft.Extensions.Options.Options.Create(new ScoringOptions { RecordInterval = TimeSpan.Zero }));
            var cycle = new List<double>();
            var bulk = new List<double>();
            var ef = new List<double>();
            for (var n = -1; n < options.Iterations; n++)
            {
                var at = now.AddMinutes(n + 2);
                var started = Stopwatch.GetTimestamp();
                var recorded = await PersistCycleAsync(db, recorder, forecasts, at).ConfigureAwait(false);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (n >= 0)
                {
                    cycle.Add(ms);
                }

                LoadReport.Log($"cycle persisted{(n < 0 ? " (warm-up)" : string.Empty)}: {recorded:N0} forecasts with their models, the cycle run and the equity point in {ms:F0} ms");
            }

            for (var n = -1; n < options.Iterations; n++)
            {
                var rows = Rows(forecasts, now.AddHours(1).AddMinutes(n + 2));
                await using var write = db.CreateDbContext();
                var started = Stopwatch.GetTimestamp();
                await ForecastBulkWriter.InsertAsync(write, rows).ConfigureAwait(false);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (n >= 0)
                {
                    bulk.Add(ms);
                }
            }

            LoadReport.Log($"ForecastBulkWriter alone: mean {bulk.Average():F0} ms");
            for (var n = 0; n < options.EfIterations; n++)
            {
                var rows = Rows(forecasts, now.AddHours(2).AddMinutes(n + 2));
                await using var write = db.CreateDbContext();
                var started = Stopwatch.GetTimestamp();
                write.Forecasts.AddRange(rows);
                await write.SaveChangesAsync().ConfigureAwait(false);
                ef.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                LoadReport.Log($"EF Core SaveChanges: {ef[^1]:F0} ms");
            }

            await using var count = db.CreateDbContext();
            var stored = $"{await count.Forecasts.CountAsync().ConfigureAwait(false):N0} forecasts and {await count.ModelForecasts.CountAsync().ConfigureAwait(false):N0} model forecasts stored at the end";
            var (text, passed) = Report(options, database, version, forecasts, cycle, bulk, ef, stored, loadBefore);
            Console.WriteLine();
            Console.WriteLine(text);
            LoadReport.Log($"report saved to {LoadReport.Save(Name, text)}");
            return passed ? 0 : 1;
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync().ConfigureAwait(false);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder?.Delete(true);
        }
    }

    /// <summary>What <c>TradingCycle.RunAsync</c> writes once it has decided: the forecasts, then the cycle run with the equity point.</summary>
    private static async Task<int> PersistCycleAsync(DeskDbContextFactory db, ForecastRecorder recorder, List<(MarketSnapshot, EnsembleForecast)> forecasts, DateTimeOffset at)
    {
        var cycleId = Guid.CreateVersion7(at);
        var recorded = await recorder.RecordAsync(cycleId, forecasts, new HashSet<string>(StringComparer.Ordinal), at).ConfigureAwait(false);
        await using var context = db.CreateDbContext();
        context.CycleRuns.Add(new CycleRunEntity
        {
            Id = cycleId,
            StartedAt = at,
            FinishedAt = at.AddSeconds(1),
            Preset = "balanced",
            Scanned = forecasts.Count,
            Priced = forecasts.Count,
            WithEdge = forecasts.Count / 8,
            Sized = forecasts.Count / 8,
            SkipReasons = """{"edge":35000,"risk":5000}""",
            Gates = """{"spread":{"passed":40000,"shrunk":0,"failed":0}}""",
        });
        context.EquitySnapshots.Add(new EquitySnapshotEntity { Id = Guid.CreateVersion7(at), CycleId = cycleId, At = at, Equity = 1000m, Cash = 1000m, Deposits = 1000m });
        await context.SaveChangesAsync().ConfigureAwait(false);
        return recorded;
    }

    /// <summary>The recorder's rows for one cycle, built outside the clock: for the writer alone and for EF Core.</summary>
    private static List<ForecastEntity> Rows(List<(MarketSnapshot Market, EnsembleForecast Forecast)> forecasts, DateTimeOffset at)
    {
        var cycleId = Guid.CreateVersion7(at);
        return [.. forecasts.Select(f =>
        {
            var id = Guid.CreateVersion7(at);
            return new ForecastEntity
            {
                Id = id,
                CycleId = cycleId,
                Ticker = f.Market.Ticker,
                EventTicker = f.Market.EventTicker,
                Category = f.Market.Category,
                DecisionTime = at,
                CloseTime = f.Market.CloseTime,
                MarketProbabilityYes = (double)(f.Market.Mid ?? f.Market.LastPrice)!.Value.Dollars,
                PooledProbabilityYes = f.Forecast.Pooled.ProbabilityYes.Value,
                ProbabilityYes = f.Forecast.ProbabilityYes.Value,
                Recalibrator = f.Forecast.Recalibrator,
                Disagreement = f.Forecast.Disagreement,
                Models = [.. f.Forecast.Models.Select(m => new ModelForecastEntity { ForecastId = id, Model = m.Model, ProbabilityYes = m.ProbabilityYes.Value, Confidence = m.Confidence, Inputs = ForecastRecorder.Inputs(m.Inputs) })],
            };
        })];
    }

    private static async Task<string> ServerVersionAsync(DeskDatabase database)
    {
        await using var context = new DeskDbContextFactory(database).CreateDbContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync().ConfigureAwait(false);
        var version = connection.ServerVersion;
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT current_setting('fsync') || '/' || current_setting('synchronous_commit') || '/' || current_setting('full_page_writes')";
            version = $"PostgreSQL {version}, fsync/synchronous_commit/full_page_writes {await command.ExecuteScalarAsync().ConfigureAwait(false)}";
        }
        else
        {
            version = $"SQLite {version}";
        }

        return version;
    }

    private static (string Text, bool Passed) Report(Options options, DeskDatabase database, string version, List<(MarketSnapshot, EnsembleForecast Forecast)> forecasts, List<double> cycle, List<double> bulk, List<double> ef, string stored, string loadBefore)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var p95 = LoadReport.Quantile(cycle, 0.95);
        var passed = cycle.Average() < options.TargetMs && p95 < options.TargetMs;
        var models = forecasts.Sum(f => f.Forecast.Models.Count);
        text.AppendLine(inv, $"## PersistCycle: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(inv, $"- machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average before {loadBefore}, after {LoadReport.LoadAverage()}");
        text.AppendLine(inv, $"- store: {database.Location}: {version}; server and this script share the machine");
        text.AppendLine(inv, $"- a cycle: {forecasts.Count:N0} forecasts and {models:N0} model forecasts (each model's inputs as JSON), one cycle run, one equity point; {options.Iterations} cycles after a warm-up, the tables growing by one cycle each");
        text.AppendLine();
        text.AppendLine("| what | runs | mean | p50 | p95 | max |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        Row(text, "**a cycle persisted**: ForecastRecorder (rows built, inputs to JSON, bulk insert) + cycle run + equity point", cycle);
        Row(text, "the forecasts alone through ForecastBulkWriter (rows built beforehand)", bulk);
        if (ef.Count > 0)
        {
            Row(text, "the forecasts alone through EF Core SaveChanges (rows built beforehand)", ef);
        }

        text.AppendLine();
        text.AppendLine(inv, $"{stored}.");
        text.AppendLine();
        text.AppendLine(inv, $"Result: {(passed ? "PASS" : "FAIL")} (a cycle persisted: mean and p95 under {options.TargetMs} ms)");
        return (text.ToString(), passed);
    }

    public static void Usage(TextWriter output) => Options.Usage(output);

    private static void Row(StringBuilder text, string what, List<double> ms) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {ms.Count} | {LoadReport.Ms(ms.Average())} | {LoadReport.Ms(LoadReport.Quantile(ms, 0.5))} | {LoadReport.Ms(LoadReport.Quantile(ms, 0.95))} | {LoadReport.Ms(ms.Max())} |");

    private sealed record Options
    {
        public int Iterations { get; init; } = 10;

        public int EfIterations { get; init; } = 3;

        public int Markets { get; init; } = 40_000;

        public string Store { get; init; } = "postgres";

        public bool Durable { get; init; } = true;

        public double TargetMs { get; init; } = 500;

        public static void Usage(TextWriter output)
        {
            output.WriteLine("PersistCycle options (defaults in brackets):");
            output.WriteLine("  --iterations N     cycles persisted after a warm-up, and as many bulk writes alone [10]");
            output.WriteLine("  --ef-iterations N  the same forecasts through EF Core SaveChanges, for comparison; 0 to skip [3]");
            output.WriteLine("  --markets N        markets in a cycle [40000]");
            output.WriteLine("  --store S          postgres (a server started from the system's binaries) | sqlite [postgres]");
            output.WriteLine("  --durable B        PostgreSQL with fsync and synchronous commit on, as in production [true]");
            output.WriteLine("  --target-ms N      fail when a cycle's mean or p95 is this or more [500]");
        }

        public static Options Parse(IReadOnlyList<string> args)
        {
            var options = new Options();
            for (var i = 0; i < args.Count; i++)
            {
                var key = args[i];
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{key} needs a value");
                }

                var value = args[++i];
                options = key switch
                {
                    "--iterations" => options with { Iterations = Int(key, value, 1, 1_000) },
                    "--ef-iterations" => options with { EfIterations = Int(key, value, 0, 100) },
                    "--markets" => options with { Markets = Int(key, value, 4, 400_000) },
                    "--store" => options with { Store = value is "postgres" or "sqlite" ? value : throw new ArgumentException($"{key} must be postgres or sqlite") },
                    "--durable" => options with { Durable = bool.TryParse(value, out var b) ? b : throw new ArgumentException($"{key} must be true or false") },
                    "--target-ms" => options with { TargetMs = Int(key, value, 1, 600_000) },
                    _ => throw new ArgumentException($"unknown option {key}"),
                };
            }

            return options;
        }

        private static int Int(string key, string value, int min, int max) =>
            int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : throw new ArgumentException($"{key} must be a whole number from {min} to {max}");
    }
}
