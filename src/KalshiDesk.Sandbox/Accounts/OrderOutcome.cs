using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Api;

namespace KalshiDesk.Sandbox.Accounts;

/// <summary>What became of a create-order request: the order and what it filled on arrival, or the refusal.</summary>
internal sealed record OrderOutcome
{
    public AccountOrder? Order { get; init; }

    public ApiError? Error { get; init; }

    /// <summary>Contracts filled on arrival.</summary>
    public Quantity Filled { get; init; }

    /// <summary>Volume-weighted YES price of the arrival fills.</summary>
    public decimal? AverageYesPrice { get; init; }

    /// <summary>Fee paid per contract filled on arrival, in dollars.</summary>
    public decimal? AverageFee { get; init; }

    public DateTimeOffset At { get; init; }

    public static OrderOutcome Rejected(ApiError error) => new() { Error = error };
}
