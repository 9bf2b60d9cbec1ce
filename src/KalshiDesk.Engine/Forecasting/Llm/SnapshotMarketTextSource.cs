using KalshiDesk.Domain.Markets;

namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>
/// The default source: the snapshot's title alone. <see cref="MarketSnapshot"/> does not carry the subtitle or the rules
/// yet (Kalshi's <c>subtitle</c>, <c>rules_primary</c>, <c>rules_secondary</c>); register a fuller
/// <see cref="IMarketTextSource"/> to give the model them.
/// </summary>
public sealed class SnapshotMarketTextSource : IMarketTextSource
{
    public MarketText? Find(MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        return string.IsNullOrWhiteSpace(market.Title) ? null : new MarketText(market.Title, string.Empty, string.Empty);
    }
}
