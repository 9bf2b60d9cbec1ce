using System.Globalization;

namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>The day a daily event is about, from its ticker: <c>KXHIGHNY-26NOV24</c> is 24 November 2026.</summary>
public static class KalshiEventDate
{
    public static DateOnly? Parse(string eventTicker)
    {
        ArgumentNullException.ThrowIfNull(eventTicker);
        var code = eventTicker[(eventTicker.LastIndexOf('-') + 1)..];
        return code.Length == 7 && DateOnly.TryParseExact(code, "yyMMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }
}
