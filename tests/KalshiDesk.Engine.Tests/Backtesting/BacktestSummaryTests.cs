using System.Text.Json;
using KalshiDesk.Engine.Backtesting;

namespace KalshiDesk.Engine.Tests.Backtesting;

public sealed class BacktestSummaryTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "settled-sample.csv");

    [Fact]
    public async Task ToJson_SampleReplay_CarriesTheResultsValuesInCamelCase()
    {
        var result = await Backtester.RunAsync(SettledCsvRecording.Load(Sample), new BacktestOptions());

        using var json = JsonDocument.Parse(BacktestSummary.Of(result).ToJson());

        var root = json.RootElement;
        Assert.Equal(result.Trades.Count, root.GetProperty("trades").GetInt32());
        Assert.Equal(result.RoiAfterFees, root.GetProperty("roiAfterFees").GetDecimal());
        Assert.Equal(result.MaxDrawdown, root.GetProperty("maxDrawdown").GetDecimal());
        Assert.Equal(result.Pnl, root.GetProperty("pnl").GetDecimal());
        Assert.Equal(result.Fees, root.GetProperty("fees").GetDecimal());
        Assert.Equal(result.FinalEquity, root.GetProperty("finalEquity").GetDecimal());
        Assert.Equal(1000m, root.GetProperty("startingCash").GetDecimal());
        Assert.Equal(result.Updates, root.GetProperty("updates").GetInt64());
        Assert.Equal(300, root.GetProperty("markets").GetInt32());
        Assert.Equal("balanced", root.GetProperty("preset").GetString());
        Assert.Equal(result.Start, root.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(result.End, root.GetProperty("to").GetDateTimeOffset());
        Assert.Equal(result.Desk.Brier!.Value, root.GetProperty("brierDesk").GetDouble());
        Assert.Equal(result.Market.Brier!.Value, root.GetProperty("brierMarket").GetDouble());
        Assert.Equal(result.Desk.LogLoss!.Value, root.GetProperty("logLossDesk").GetDouble());
        Assert.Equal(result.Market.LogLoss!.Value, root.GetProperty("logLossMarket").GetDouble());
        Assert.Equal(result.Desk.Brier.Low, root.GetProperty("brierDeskCi").GetProperty("low").GetDouble());
        Assert.Equal(result.Market.LogLoss.High, root.GetProperty("logLossMarketCi").GetProperty("high").GetDouble());
        Assert.Equal(result.Funnel.Select(f => (f.Stage, f.Count)), root.GetProperty("funnel").EnumerateArray().Select(f => (f.GetProperty("stage").GetString()!, f.GetProperty("count").GetInt64())));
        Assert.Equal(result.Categories.Select(c => (c.Category, c.Trades, c.Pnl)), root.GetProperty("categories").EnumerateArray().Select(c => (c.GetProperty("category").GetString()!, c.GetProperty("trades").GetInt32(), c.GetProperty("pnl").GetDecimal())));
        Assert.Equal(result.SkipReasons.Values.Sum(), root.GetProperty("skipReasons").EnumerateObject().Sum(r => r.Value.GetInt32()));
    }

    [Fact]
    public void Of_NothingScored_ScoresAreNullAndReliabilityEmpty()
    {
        var result = new BacktestResult(
            "empty.csv", "conservative", null, null, 0, 0, 500m, 500m, 0m, 0m, 0m, [], [],
            new BacktestScores(0, null, null), new BacktestScores(0, null, null), [], new Dictionary<string, int>(), [], TimeSpan.Zero);

        var summary = BacktestSummary.Of(result);
        using var json = JsonDocument.Parse(summary.ToJson());

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("brierDesk").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("brierDeskCi").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("from").ValueKind);
        Assert.Empty(summary.Reliability.Desk);
        Assert.Equal(0m, summary.Pnl);
    }
}
