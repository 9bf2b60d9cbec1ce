using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Domain.Sizing;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Api;

/// <summary>
/// <c>POST /api/sizing</c>: the desk's own edge, fee and Kelly arithmetic on a probability and a quote, for both sides.
/// Each side is bought as a taker at its ask on the general fee schedule, in whole contracts, sized by the preset's
/// Kelly multiplier and capped by its single-trade limit and by cash (the equity given, or the desk's cash when the
/// desk's equity is used). A side below the preset's minimum edge is sized to nothing.
/// </summary>
public static class SizingApi
{
    public static void MapSizingApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/sizing", Size)
            .RequireAuthorization(DeskPolicies.Viewer)
            .WithName("CalculateSizing")
            .WithTags("Sizing");

    private static async Task<Results<Ok<SizingAnswer>, ValidationProblem>> Size(
        SizingQuery? body,
        PresetProvider presets,
        PortfolioReader portfolio,
        IOptions<TradingOptions> options,
        CancellationToken ct)
    {
        if (Invalid(body) is { } problem)
        {
            return problem;
        }

        // The active preset carries its overrides; another one named is sized with the table's values.
        var active = await presets.GetActiveAsync(ct).ConfigureAwait(false);
        var preset = body!.Preset is { } name && !string.Equals(name.Trim(), active.Name, StringComparison.OrdinalIgnoreCase)
            ? RiskPresets.Get(name)
            : active;

        Money equity;
        Money cash;
        if (body.Equity is { } given)
        {
            equity = new Money(given);
            cash = equity;
        }
        else
        {
            var account = await portfolio.ReadAsync(ct).ConfigureAwait(false);
            equity = new Money(account.Equity);
            cash = new Money(account.Cash);
        }

        var q = Probability.Of(body.Probability!.Value);
        var fees = FeeSchedule.Standard with { Rounding = options.Value.FeeRounding };
        var yes = Side(q, Price.FromDollars(body.YesAsk!.Value), fees, preset, equity, cash);
        var no = Side(q.Complement, Price.FromDollars(body.YesBid!.Value).Complement, fees, preset, equity, cash);
        var best = (yes.Contracts > 0m, no.Contracts > 0m) switch
        {
            (true, true) => yes.Edge * (double)yes.Contracts >= no.Edge * (double)no.Contracts ? "yes" : "no",
            (true, false) => "yes",
            (false, true) => "no",
            _ => null,
        };
        return TypedResults.Ok(new SizingAnswer(yes, no, best, preset.Name, equity.Dollars));
    }

    private static SizingSide Side(Probability q, Price price, FeeSchedule fees, RiskPreset preset, Money equity, Money cash)
    {
        var feePerContract = KalshiFeeModel.TakerFeePerContract(price, fees);
        var edge = EdgeModel.Edge(q, price, fees);
        var kelly = KellySizer.FullKelly(q, EdgeModel.AllInCost(price, fees));
        var sizing = KellySizer.Size(new SizingRequest(q, price, fees, preset.KellyMultiplier, equity, equity * preset.MaxSingleTrade, cash, null, false) { MinEdge = preset.MinEdge });
        return new SizingSide(
            price.Dollars,
            feePerContract,
            Math.Round(edge, 6),
            Math.Round(kelly, 6),
            sizing.Contracts.Contracts,
            sizing.Cost.Dollars,
            sizing.Fee.Dollars);
    }

    /// <summary>The first field that is missing or out of range, as problem details naming it; null when the body is good.</summary>
    private static ValidationProblem? Invalid(SizingQuery? body)
    {
        if (body is null)
        {
            return Refuse("probability", "a body is required: {\"probability\": 0.7, \"yesBid\": 0.53, \"yesAsk\": 0.55}.");
        }

        if (body.Probability is not { } p || double.IsNaN(p) || p is <= 0d or >= 1d)
        {
            return Refuse("probability", "probability must be a number strictly between 0 and 1.");
        }

        if (body.YesBid is not { } bid || bid is < 0m or > 1m)
        {
            return Refuse("yesBid", "yesBid must be a price between 0 and 1 dollars.");
        }

        if (body.YesAsk is not { } ask || ask is < 0m or > 1m)
        {
            return Refuse("yesAsk", "yesAsk must be a price between 0 and 1 dollars.");
        }

        if (bid >= ask)
        {
            return Refuse("yesBid", $"yesBid {bid} must be below yesAsk {ask}.");
        }

        if (body.Equity is < 0m)
        {
            return Refuse("equity", "equity cannot be negative.");
        }

        return body.Preset is { } name && !RiskPresets.TryGet(name, out _)
            ? Refuse("preset", $"preset '{name}' is not one of conservative, balanced, aggressive.")
            : null;
    }

    private static ValidationProblem Refuse(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: $"Invalid {field}");
}
