using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>
/// The forecast file as last read, reloaded when it changes: at most every <c>checkInterval</c> (by
/// <see cref="TimeProvider"/>) the file's last-write time and size are compared with those last read. A missing or
/// malformed file gives no forecasts at all (the error is logged once per version of the file) rather than the rows
/// of an older file that its author meant to replace.
/// </summary>
public sealed class TemperatureForecastStore(string path, TimeSpan checkInterval, TimeProvider time, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly string _path = Path.GetFullPath(path);
    private long _checkedAtTicks = long.MinValue;
    private (DateTime WrittenAt, long Length)? _stamp;
    private volatile TemperatureForecastFile? _current;

    /// <summary>The forecasts in force, or null while the file is missing or malformed.</summary>
    public TemperatureForecastFile? Current
    {
        get
        {
            // Ticks in a long, read without the lock: a torn DateTimeOffset could skip or repeat a check.
            var now = time.GetUtcNow().UtcTicks;
            if (!Due(Volatile.Read(ref _checkedAtTicks), now))
            {
                return _current;
            }

            lock (_gate)
            {
                if (Due(_checkedAtTicks, now))
                {
                    Check();
                    Volatile.Write(ref _checkedAtTicks, now);
                }

                return _current;
            }
        }
    }

    private bool Due(long checkedAt, long now) => checkedAt == long.MinValue || now - checkedAt >= checkInterval.Ticks;

    private void Check()
    {
        var info = new FileInfo(_path);
        if (!info.Exists)
        {
            if (_stamp is not null || _checkedAtTicks == long.MinValue)
            {
                TemperatureForecasterLog.Missing(logger, _path);
            }

            _stamp = null;
            _current = null;
            return;
        }

        var stamp = (info.LastWriteTimeUtc, info.Length);
        if (stamp == _stamp)
        {
            return;
        }

        _stamp = stamp;
        try
        {
            _current = TemperatureForecastFile.Load(_path);
            TemperatureForecasterLog.Loaded(logger, _path, _current.Count);
        }
        catch (TemperatureForecastFileException ex)
        {
            _current = null;
            TemperatureForecasterLog.Refused(logger, ex.Message);
        }
        catch (IOException ex)
        {
            // Most likely caught mid-write: forget the stamp so the next check reads it again.
            _stamp = null;
            _current = null;
            TemperatureForecasterLog.Refused(logger, $"{_path}: {ex.Message}");
        }
    }
}
