using KalshiDesk.Sandbox.Wire;

namespace KalshiDesk.Sandbox.Api;

/// <summary>One page of markets; <paramref name="LastTicker"/> is where the next page starts after, null on the last page.</summary>
internal sealed record MarketPage(IReadOnlyList<MarketJson> Markets, string? LastTicker);
