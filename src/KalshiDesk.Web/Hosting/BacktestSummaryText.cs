using System.Globalization;
using KalshiDesk.Engine.Backtesting;

namespace KalshiDesk.Web.Hosting;

/// <summary>The summary <c>kalshidesk backtest</c> prints: headline numbers, scores with 95% intervals, the funnel, categories.</summary>
public static class BacktestSummaryText
{
    public static void Write(BacktestResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var s = BacktestSummary.Of(result);
        output.WriteLine(F($"Backtest of {s.Source} under {s.Preset}: {Time(s.From)} → {Time(s.To)}, replayed in {s.ElapsedSeconds:0.0} s"));
        output.WriteLine(F($"  updates    {s.Updates:#,##0}   markets {s.Markets:#,##0}   trades {s.Trades:#,##0}"));
        output.WriteLine(F($"  P&L        {SignedMoney(s.Pnl)} after fees, ROI {Percent(s.RoiAfterFees)}, max drawdown {Percent(s.MaxDrawdown)}, fees {Money(s.Fees)}, equity {Money(s.StartingCash)} → {Money(s.FinalEquity)}"));
        output.WriteLine(F($"  Brier      desk {Score(s.BrierDesk, s.BrierDeskCi)}   market {Score(s.BrierMarket, s.BrierMarketCi)}   ({s.ScoredMarkets:#,##0} settled markets, lower is better)"));
        output.WriteLine(F($"  log loss   desk {Score(s.LogLossDesk, s.LogLossDeskCi)}   market {Score(s.LogLossMarket, s.LogLossMarketCi)}"));
        output.WriteLine("  funnel     " + string.Join(" → ", s.Funnel.Select(f => F($"{f.Stage} {f.Count:#,##0}"))));
        if (s.SkipReasons.Count > 0)
        {
            output.WriteLine("  stopped by " + string.Join(", ", s.SkipReasons.Take(6).Select(r => F($"{r.Key} {r.Value:#,##0}"))) + (s.SkipReasons.Count > 6 ? ", …" : string.Empty));
        }

        if (s.Categories.Count == 0)
        {
            return;
        }

        var width = Math.Max("category".Length, s.Categories.Max(c => c.Category.Length));
        output.WriteLine(F($"  {"category".PadRight(width)}  {"markets",7}  {"trades",6}  {"P&L",11}  {"fees",9}  {"Brier desk",10}  {"Brier market",12}"));
        foreach (var c in s.Categories)
        {
            output.WriteLine(F($"  {c.Category.PadRight(width)}  {c.Markets,7:#,##0}  {c.Trades,6:#,##0}  {SignedMoney(c.Pnl),11}  {Money(c.Fees),9}  {Score(c.BrierDesk),10}  {Score(c.BrierMarket),12}"));
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal dollars) =>
        (dollars < 0m ? "-$" : "$") + Math.Abs(dollars).ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string SignedMoney(decimal dollars) => (dollars > 0m ? "+" : string.Empty) + Money(dollars);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Score(double? score) => score is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static string Score(double? score, ScoreRange? range) =>
        score is null ? "-" : Score(score) + (range is null ? string.Empty : $" [{Score(range.Low)}, {Score(range.High)}]");

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) : "-";
}
