using System.Globalization;
using System.Text;
using KalshiDesk.Engine.Backtesting;

namespace KalshiDesk.Web.Hosting;

/// <summary>
/// Shows a replay's progress on stderr: on a terminal one line redrawn in place (bar, percent, updates, trades, ETA); when
/// stderr is redirected, a plain line at each tenth of the way, so a log gets ten lines, not hundreds of carriage returns.
/// Reports arrive on the replay's own thread, in order: nothing here is shared with another thread.
/// </summary>
public sealed class BacktestProgressBar(TextWriter errors, bool terminal) : IProgress<BacktestProgress>
{
    private const int Width = 20;

    private int _shownLength;
    private int _decile = -1;

    public void Report(BacktestProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (terminal)
        {
            var line = Line(value, withBar: true);
            errors.Write('\r' + line.PadRight(_shownLength));
            _shownLength = line.Length;
            errors.Flush();
            return;
        }

        var decile = (int)Math.Floor(value.Fraction * 10 + 1e-9);
        if (decile > _decile)
        {
            _decile = decile;
            errors.WriteLine("backtest: " + Line(value, withBar: false));
        }
    }

    /// <summary>Ends the redrawn line, so what follows starts on a line of its own.</summary>
    public void Complete()
    {
        if (terminal && _shownLength > 0)
        {
            errors.WriteLine();
            _shownLength = 0;
        }
    }

    /// <summary>One progress line: <c>[██████████░░░░░░░░░░]  52%  520,000/1,000,000 updates  12 trades  ETA 0:04</c>.</summary>
    public static string Line(BacktestProgress progress, bool withBar)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var fraction = Math.Clamp(progress.Fraction, 0d, 1d);
        var text = new StringBuilder();
        if (withBar)
        {
            var filled = (int)Math.Floor(fraction * Width);
            text.Append('[').Append('█', filled).Append('░', Width - filled).Append("]  ");
        }

        text.Append(CultureInfo.InvariantCulture, $"{(int)Math.Floor(fraction * 100)}%  {progress.Done:#,##0}/{progress.Total:#,##0} updates  {progress.Trades:#,##0} trades  ");
        text.Append(progress.Done >= progress.Total ? "done in " + Duration(progress.Elapsed) : "ETA " + (progress.Remaining is { } left ? Duration(left) : "--:--"));
        return text.ToString();
    }

    private static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0d, span.TotalSeconds));
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}:{s:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{m}:{s:00}");
    }
}
