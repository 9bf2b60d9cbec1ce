using KalshiDesk.Data;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Web.Tests.Jobs;

/// <summary>Learning at start never stops the desk from starting: a database that cannot be read is logged and passed over.</summary>
public sealed class CalibrationStartupTests
{
    [Fact]
    public async Task Start_WhenTheDatabaseCannotBeRead_LogsAWarningAndStartsWithNothingLearned()
    {
        var learned = new LearnedCalibration();
        var learner = new CalibrationLearner(
            new UnreadableDatabase(),
            learned,
            new DeskEventBus(NullLogger<DeskEventBus>.Instance),
            Options.Create(new ScoringOptions()),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)),
            NullLogger<CalibrationLearner>.Instance);
        var logger = new ListLogger();

        await new CalibrationStartup(learner, logger).StartAsync(CancellationToken.None);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.StartsWith("Calibration could not be learned at start", entry.Message, StringComparison.Ordinal);
        Assert.Equal("database is locked", entry.Exception?.Message);
        Assert.Same(CalibrationSnapshot.Empty, learned.Snapshot);
        Assert.Null(learned.SitOutReason);
    }

    private sealed class UnreadableDatabase : IDbContextFactory<DeskDbContext>
    {
        public DeskDbContext CreateDbContext() => throw new InvalidOperationException("database is locked");
    }

    private sealed class ListLogger : ILogger<CalibrationStartup>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
