using System.Globalization;
using KalshiDesk.Kalshi;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Risk;

/// <summary>
/// What the desk knows of the exchange's health: the outcome of its recent requests (fed by <see cref="ExchangeCallCounter"/>)
/// and the last <c>GET /exchange/status</c> (fed by the trading cycle). Every entry sits out while the exchange is not
/// trading or too many recent requests failed.
/// </summary>
public sealed class ExchangeHealth(IOptions<RiskOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Queue<(DateTimeOffset At, bool Ok)> _calls = new();
    private string? _notTrading;

    /// <summary>Counts one exchange request: <paramref name="ok"/> is false for a 5xx, a 429 or no answer at all.</summary>
    public void Record(bool ok)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _calls.Enqueue((now, ok));
            Trim(now);
        }
    }

    /// <summary>Keeps what <c>GET /exchange/status</c> said.</summary>
    public void RecordStatus(ExchangeStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        Volatile.Write(
            ref _notTrading,
            !status.ExchangeActive ? "the exchange is not active (GET /exchange/status)"
            : !status.TradingActive ? "trading is paused on the exchange (GET /exchange/status)"
            : null);
    }

    /// <summary>Keeps that the exchange's status could not be read.</summary>
    public void RecordStatusUnknown(string why) =>
        Volatile.Write(ref _notTrading, $"its status could not be read ({why})");

    /// <summary>The requests counted in the window now, and how many failed.</summary>
    public (int Requests, int Errors) Recent()
    {
        lock (_lock)
        {
            Trim(time.GetUtcNow());
            return (_calls.Count, _calls.Count(c => !c.Ok));
        }
    }

    /// <summary>Why every entry sits out for the exchange's sake, or null.</summary>
    public string? SitOutReason
    {
        get
        {
            var reasons = new List<string>();
            if (Volatile.Read(ref _notTrading) is { } notTrading)
            {
                reasons.Add($"exchange not trading: {notTrading}");
            }

            var limits = options.Value;
            var (requests, errors) = Recent();
            if (requests >= limits.ApiErrorMinRequests && (double)errors / requests >= limits.MaxApiErrorRate)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"API errors high: {errors} of the last {requests} exchange requests failed within {limits.ApiErrorWindow.TotalMinutes:0.#} min (limit {limits.MaxApiErrorRate * 100:0.#}%)"));
            }

            return reasons.Count == 0 ? null : string.Join("; ", reasons);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        var oldest = now - options.Value.ApiErrorWindow;
        while (_calls.Count > 0 && (_calls.Peek().At < oldest || _calls.Count > 10_000))
        {
            _calls.Dequeue();
        }
    }
}
