using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>
/// A replay as one self-contained HTML page: the run's parameters, the headline numbers, charts (equity, drawdown, the
/// decision funnel, P&amp;L by category, reliability of the desk against the market price) and every trade. Chart.js is
/// inlined, so the page opens offline. Every string from the recording is HTML-encoded, and the charts' data is JSON whose
/// encoder escapes &lt; &gt; &amp;, so a ticker or category cannot inject markup.
/// </summary>
public static class BacktestReport
{
    private const string ChartResource = "KalshiDesk.Engine.Backtesting.Report.chart.umd.min.js";

    private static readonly Lazy<string> ChartJs = new(() =>
    {
        using var stream = typeof(BacktestReport).Assembly.GetManifestResourceStream(ChartResource)
            ?? throw new InvalidOperationException($"The report's chart library ({ChartResource}) is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Writes the report of <paramref name="result"/> to <paramref name="path"/> (replaced if it exists).</summary>
    public static void Write(string path, BacktestResult result, BacktestOptions? options = null) =>
        File.WriteAllText(path, Render(result, options), new UTF8Encoding(false));

    /// <summary>The report of <paramref name="result"/>; <paramref name="options"/>, when given, adds the run's settings to its header.</summary>
    public static string Render(BacktestResult result, BacktestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var summary = BacktestSummary.Of(result);
        var html = new StringBuilder(ChartJs.Value.Length + 64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>Backtest: ").Append(E(result.Source)).Append(" (").Append(E(result.Preset)).Append(")</title>\n");
        html.Append(Style);
        html.Append("</head>\n<body>\n<header>\n<h1>KalshiDesk backtest</h1>\n");
        Parameters(html, result, options);
        html.Append("</header>\n<main>\n");
        Headline(html, summary);
        Charts(html);
        Funnel(html, summary);
        Categories(html, result);
        Trades(html, result);
        html.Append("</main>\n");
        html.Append("<script id=\"backtest-data\" type=\"application/json\">").Append(ChartData(result, summary)).Append("</script>\n");
        html.Append("<script>\n").Append(ChartJs.Value).Append("\n</script>\n");
        html.Append("<script>\n").Append(ChartScript).Append("</script>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Parameters(StringBuilder html, BacktestResult result, BacktestOptions? options)
    {
        html.Append("<table class=\"parameters\">\n");
        Row(html, "recording", E(result.Source));
        Row(html, "preset", E(result.Preset));
        Row(html, "replayed", $"{Time(result.Start)} → {Time(result.End)}");
        if (options is not null)
        {
            Row(html, "window asked", $"{(options.From is { } from ? Time(from) : "the start")} → {(options.To is { } to ? Time(to) : "the last settlement")}");
            Row(html, "depth at each quote", N(options.DepthContracts, "#,##0") + " contracts a side, taker fills at the recorded quote");
        }

        Row(html, "starting cash", Money(result.StartingCash));
        Row(html, "updates / markets", $"{N(result.Updates, "#,##0")} / {N(result.Markets, "#,##0")}");
        Row(html, "replay took", N(result.Elapsed.TotalSeconds, "0.0") + " s");
        html.Append("</table>\n");
    }

    private static void Headline(StringBuilder html, BacktestSummary s)
    {
        html.Append("<section class=\"headline\">\n");
        Card(html, "P&amp;L after fees", SignedMoney(s.Pnl), s.Pnl < 0m ? "loss" : "gain");
        Card(html, "ROI after fees", Percent(s.RoiAfterFees), s.RoiAfterFees < 0m ? "loss" : "gain");
        Card(html, "max drawdown", Percent(s.MaxDrawdown), null);
        Card(html, "fees", Money(s.Fees), null);
        Card(html, "trades", N(s.Trades, "#,##0"), null);
        Card(html, "final equity", Money(s.FinalEquity), null);
        Card(html, $"Brier desk / market ({N(s.ScoredMarkets, "#,##0")} markets)", $"{Score(s.BrierDesk)} / {Score(s.BrierMarket)}", null, $"95% CI {Range(s.BrierDeskCi)} / {Range(s.BrierMarketCi)}");
        Card(html, "log loss desk / market", $"{Score(s.LogLossDesk)} / {Score(s.LogLossMarket)}", null, $"95% CI {Range(s.LogLossDeskCi)} / {Range(s.LogLossMarketCi)}");
        html.Append("</section>\n");
    }

    private static void Charts(StringBuilder html)
    {
        html.Append("<section class=\"charts\">\n");
        foreach (var (id, title) in new[]
        {
            ("equity", "Equity (dollars, marked at the last mid)"),
            ("drawdown", "Drawdown from the equity peak (%)"),
            ("funnel", "Decision funnel"),
            ("categories", "P&amp;L after fees by category (dollars)"),
            ("reliability", "Reliability: how often YES won, by forecast (desk vs market price)"),
        })
        {
            html.Append("<figure><figcaption>").Append(title).Append("</figcaption><div class=\"chart\"><canvas id=\"chart-").Append(id).Append("\"></canvas></div></figure>\n");
        }

        html.Append("</section>\n");
    }

    private static void Funnel(StringBuilder html, BacktestSummary s)
    {
        html.Append("<section>\n<h2>Decisions</h2>\n<table>\n<thead><tr><th>stage</th><th class=\"n\">decisions</th></tr></thead>\n<tbody>\n");
        foreach (var stage in s.Funnel)
        {
            html.Append("<tr><td>").Append(E(stage.Stage)).Append("</td><td class=\"n\">").Append(N(stage.Count, "#,##0")).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (s.SkipReasons.Count > 0)
        {
            html.Append("<table>\n<thead><tr><th>why a decision stopped</th><th class=\"n\">decisions</th></tr></thead>\n<tbody>\n");
            foreach (var (reason, count) in s.SkipReasons)
            {
                html.Append("<tr><td>").Append(E(reason)).Append("</td><td class=\"n\">").Append(N(count, "#,##0")).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void Categories(StringBuilder html, BacktestResult result)
    {
        html.Append("<section>\n<h2>Categories</h2>\n<table>\n<thead><tr><th>category</th><th class=\"n\">markets scored</th><th class=\"n\">trades</th><th class=\"n\">P&amp;L</th><th class=\"n\">fees</th><th class=\"n\">Brier desk</th><th class=\"n\">Brier market</th></tr></thead>\n<tbody>\n");
        foreach (var c in result.Categories)
        {
            html.Append("<tr><td>").Append(E(c.Category)).Append("</td><td class=\"n\">").Append(N(c.Markets, "#,##0"))
                .Append("</td><td class=\"n\">").Append(N(c.Trades, "#,##0"))
                .Append("</td><td class=\"n ").Append(c.Pnl < 0m ? "loss" : "gain").Append("\">").Append(SignedMoney(c.Pnl))
                .Append("</td><td class=\"n\">").Append(Money(c.Fees))
                .Append("</td><td class=\"n\">").Append(Score(c.BrierDesk))
                .Append("</td><td class=\"n\">").Append(Score(c.BrierMarket)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Trades(StringBuilder html, BacktestResult result)
    {
        html.Append("<section>\n<h2>Trades (").Append(N(result.Trades.Count, "#,##0")).Append(")</h2>\n");
        html.Append("<table class=\"trades\">\n<thead><tr><th>time</th><th>ticker</th><th>category</th><th>side</th><th class=\"n\">contracts</th><th class=\"n\">price</th><th class=\"n\">cost</th><th class=\"n\">fee</th><th class=\"n\">desk p(yes)</th><th class=\"n\">edge</th><th>settled</th><th class=\"n\">P&amp;L</th></tr></thead>\n<tbody>\n");
        foreach (var t in result.Trades)
        {
            html.Append("<tr><td>").Append(Time(t.At))
                .Append("</td><td>").Append(E(t.Ticker))
                .Append("</td><td>").Append(E(t.Category))
                .Append("</td><td>").Append(E(t.Side))
                .Append("</td><td class=\"n\">").Append(N(t.Contracts, "#,##0.##"))
                .Append("</td><td class=\"n\">").Append(N(t.Price, "0.00##"))
                .Append("</td><td class=\"n\">").Append(Money(t.Cost))
                .Append("</td><td class=\"n\">").Append(Money(t.Fee))
                .Append("</td><td class=\"n\">").Append(N(t.ProbabilityYes, "0.000"))
                .Append("</td><td class=\"n\">").Append(N(t.Edge, "0.000"))
                .Append("</td><td>").Append(t.YesWon is { } won ? (won ? "yes" : "no") + " " + Time(t.SettledAt) : "open at the end")
                .Append("</td><td class=\"n ").Append(t.Pnl < 0m ? "loss" : "gain").Append("\">").Append(t.Pnl is { } pnl ? SignedMoney(pnl) : "—").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string ChartData(BacktestResult result, BacktestSummary summary)
    {
        var peak = decimal.MinValue;
        var drawdown = new List<object>(result.Equity.Count);
        foreach (var point in result.Equity)
        {
            peak = Math.Max(peak, point.Equity);
            drawdown.Add(new { x = point.At.ToUnixTimeMilliseconds(), y = peak > 0m ? Math.Round((point.Equity - peak) / peak * 100m, 4) : 0m });
        }

        var data = new
        {
            equity = result.Equity.Select(p => new { x = p.At.ToUnixTimeMilliseconds(), y = p.Equity }),
            drawdown,
            funnel = new { stages = summary.Funnel.Select(s => s.Stage), counts = summary.Funnel.Select(s => s.Count) },
            categories = new { names = result.Categories.Select(c => c.Category), pnl = result.Categories.Select(c => c.Pnl) },
            reliability = new
            {
                desk = summary.Reliability.Desk.Select(b => new { x = b.MeanForecast, y = b.ObservedFrequency, n = b.Count }),
                market = summary.Reliability.Market.Select(b => new { x = b.MeanForecast, y = b.ObservedFrequency, n = b.Count }),
            },
        };
        return JsonSerializer.Serialize(data, BacktestSummary.CompactJsonOptions);
    }

    private static void Row(StringBuilder html, string name, string encodedValue) =>
        html.Append("<tr><th>").Append(name).Append("</th><td>").Append(encodedValue).Append("</td></tr>\n");

    private static void Card(StringBuilder html, string title, string value, string? tone, string? note = null)
    {
        html.Append("<div class=\"card\"><div class=\"title\">").Append(title).Append("</div><div class=\"value")
            .Append(tone is null ? string.Empty : " " + tone).Append("\">").Append(value).Append("</div>");
        if (note is not null)
        {
            html.Append("<div class=\"note\">").Append(note).Append("</div>");
        }

        html.Append("</div>\n");
    }

    private static string E(string text) => Html.Encode(text);

    private static string N(IFormattable value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Money(decimal dollars) =>
        (dollars < 0m ? "−$" : "$") + Math.Abs(dollars).ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string SignedMoney(decimal dollars) => (dollars > 0m ? "+" : string.Empty) + Money(dollars);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Score(double? score) => score is { } s ? s.ToString("0.0000", CultureInfo.InvariantCulture) : "—";

    private static string Range(ScoreRange? range) => range is null ? "—" : $"[{Score(range.Low)}, {Score(range.High)}]";

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) : "—";

    private const string Style = """
        <style>
        :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --gain: #1b7f4b; --loss: #b42318; --desk: #2563eb; --market: #8a94a6; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px; }
        h1 { font-size: 22px; margin: 0 0 12px; } h2 { font-size: 17px; margin: 28px 0 8px; }
        table { border-collapse: collapse; margin: 8px 0; } th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { color: var(--muted); font-weight: 600; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        .parameters th { width: 170px; }
        .headline { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; margin: 20px 0; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
        .card .title { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .card .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; } .card .note { color: var(--muted); font-size: 12px; }
        .gain { color: var(--gain); } .loss { color: var(--loss); }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
        figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 10px; } figcaption { font-weight: 600; margin-bottom: 6px; }
        .chart { position: relative; height: 280px; }
        .trades { width: 100%; font-size: 13px; }
        </style>

        """;

    private const string ChartScript = """
        (function () {
          if (typeof Chart === 'undefined') { return; }
          const d = JSON.parse(document.getElementById('backtest-data').textContent);
          const desk = '#2563eb', market = '#8a94a6', gain = '#1b7f4b', loss = '#b42318';
          const day = v => new Date(v).toISOString().slice(0, 10);
          const time = { type: 'linear', ticks: { callback: day, maxTicksLimit: 8 } };
          const at = items => items.length ? new Date(items[0].parsed.x).toISOString().slice(0, 16).replace('T', ' ') + 'Z' : '';
          const line = (id, label, data, color, fill) => new Chart(document.getElementById(id), {
            type: 'line',
            data: { datasets: [{ label, data, borderColor: color, backgroundColor: color + '33', pointRadius: 0, borderWidth: 1.5, fill, stepped: true }] },
            options: { maintainAspectRatio: false, animation: false, scales: { x: time }, plugins: { legend: { display: false }, tooltip: { callbacks: { title: at } } } },
          });
          line('chart-equity', 'equity ($)', d.equity, desk, false);
          line('chart-drawdown', 'drawdown (%)', d.drawdown, loss, 'origin');
          new Chart(document.getElementById('chart-funnel'), {
            type: 'bar',
            data: { labels: d.funnel.stages, datasets: [{ label: 'decisions', data: d.funnel.counts, backgroundColor: desk }] },
            options: { indexAxis: 'y', maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } },
          });
          new Chart(document.getElementById('chart-categories'), {
            type: 'bar',
            data: { labels: d.categories.names, datasets: [{ label: 'P&L ($)', data: d.categories.pnl, backgroundColor: d.categories.pnl.map(v => v < 0 ? loss : gain) }] },
            options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } },
          });
          const bins = (label, data, color) => ({ label, data, borderColor: color, backgroundColor: color, showLine: true, pointRadius: data.map(b => 3 + Math.min(7, Math.sqrt(b.n))) });
          new Chart(document.getElementById('chart-reliability'), {
            type: 'scatter',
            data: { datasets: [
              bins('desk', d.reliability.desk, desk),
              bins('market price', d.reliability.market, market),
              { label: 'perfect calibration', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], showLine: true, pointRadius: 0, borderColor: '#c0c8d2', borderDash: [4, 4] },
            ] },
            options: {
              maintainAspectRatio: false, animation: false,
              scales: { x: { min: 0, max: 1, title: { display: true, text: 'forecast of YES' } }, y: { min: 0, max: 1, title: { display: true, text: 'share that settled YES' } } },
              plugins: { tooltip: { callbacks: { label: c => `${c.dataset.label}: forecast ${c.parsed.x.toFixed(3)}, YES ${c.parsed.y.toFixed(3)}` + (c.raw.n ? ` (${c.raw.n} markets)` : '') } } },
            },
          });
        })();

        """;
}
