using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.World;

/// <summary>A series: a family of recurring events sharing a category, settlement source and fee schedule.</summary>
internal sealed record SandboxSeries(
    string Ticker,
    string Title,
    string Category,
    string Frequency,
    IReadOnlyList<string> Tags,
    string SourceName,
    string SourceUrl,
    FeeSchedule Fees,
    bool FractionalTrading)
{
    public string ContractUrl => $"https://kalshi.com/sandbox/contracts/{Ticker.ToLowerInvariant()}.pdf";

    public string ContractTermsUrl => $"https://kalshi.com/sandbox/terms/{Ticker.ToLowerInvariant()}.pdf";

    /// <summary>Kalshi's <c>fee_type</c> string for this series.</summary>
    public string FeeTypeName => Fees.Type switch
    {
        FeeType.QuadraticWithMakerFees => "quadratic_with_maker_fees",
        FeeType.QuadraticWithComboMakerFees => "quadratic_with_combo_maker_fees",
        FeeType.Flat => "flat",
        _ => "quadratic",
    };
}
