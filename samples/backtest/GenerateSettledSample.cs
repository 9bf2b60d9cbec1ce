// Writes settled-sample.csv beside this file: `dotnet run samples/backtest/GenerateSettledSample.cs`.
// The same seed gives the same file, byte for byte.
//
// Each event has a hidden value (a temperature, a CPI print, an index close, a margin, an approval rating) that moves as a
// Brownian path from the event's opening to its close; each of its markets asks "above this strike?". At each look the fair
// probability of YES is what the path so far implies; the quoted price leans toward 50¢ (longshots dear, favourites
// cheap: the favourite–longshot bias), with a little noise and a 1–4¢ spread. Outcomes follow from the path's end.
using System.Globalization;
using System.Text;

var random = new Random(20250106);
var start = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
var series = new (string Series, string Category, double Mean, double Sd, double Step, int Strikes, int Days)[]
{
    ("KXHIGHNY", "Weather", 42, 7, 3, 4, 2),
    ("KXHIGHCHI", "Weather", 35, 8, 4, 3, 2),
    ("KXCPIYOY", "Economics", 2.9, 0.15, 0.1, 4, 20),
    ("KXPAYROLLS", "Economics", 160, 60, 50, 3, 25),
    ("KXINXU", "Financials", 5900, 120, 100, 4, 5),
    ("KXNBAGAME", "Sports", 0, 11, 1, 1, 3),
    ("KXAPPROVAL", "Politics", 46, 2.5, 2, 3, 14),
};

var rows = new List<string> { "ticker,event_ticker,category,price,yes_bid,yes_ask,outcome,close_time,observed_at" };
var markets = 0;
for (var e = 0; markets < 300; e++)
{
    var (prefix, category, mean, sd, step, strikes, days) = series[e % series.Length];
    var open = start.AddHours(random.Next(0, 24 * 110));
    var close = open.AddDays(days).AddHours(random.Next(0, 12));
    var eventTicker = $"{prefix}-{close:yyMMMdd}{(char)('A' + (e / series.Length % 26))}".ToUpperInvariant();

    // The look times, from the opening to two hours before the close, and the path's value at each.
    var looks = random.Next(3, 9);
    var span = (close - open).TotalHours - 2;
    var times = Enumerable.Range(0, looks).Select(_ => random.NextDouble() * span).Order().Select(h => open.AddHours(Math.Round(h))).Distinct().ToList();
    var path = new List<double>();
    var walk = 0d;
    var previous = 0d;
    foreach (var time in times)
    {
        var fraction = (time - open).TotalHours / (close - open).TotalHours;
        walk += Normal(random) * Math.Sqrt(fraction - previous);
        previous = fraction;
        path.Add(walk);
    }

    var final = walk + (Normal(random) * Math.Sqrt(1 - previous));
    var centre = Math.Round(mean / step) * step;
    for (var k = 0; k < strikes; k++)
    {
        var strike = centre + ((k - ((strikes - 1) / 2d)) * step);
        var ticker = $"{eventTicker}-T{strike.ToString("0.##", CultureInfo.InvariantCulture)}";
        var yesWon = mean + (sd * final) > strike;
        for (var i = 0; i < times.Count; i++)
        {
            var fraction = (times[i] - open).TotalHours / (close - open).TotalHours;
            var fair = 1 - Phi((strike - mean - (sd * path[i])) / (sd * Math.Sqrt(1 - fraction)));
            var quoted = Logistic(0.8 * Logit(Math.Clamp(fair, 0.005, 0.995))) + (0.015 * Normal(random));
            var mid = Math.Clamp(Math.Round(quoted * 100), 3, 97);
            var spread = random.Next(1, 5);
            var bid = Math.Max(1, mid - Math.Floor(spread / 2d));
            var ask = Math.Min(99, bid + spread);
            rows.Add(string.Join(',',
                ticker, eventTicker, category, Cents(mid), Cents(bid), Cents(ask), yesWon ? "yes" : "no",
                close.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), times[i].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }

        markets++;
    }
}

var output = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ThisFile()))!, "settled-sample.csv");
File.WriteAllText(output, string.Join('\n', rows) + "\n", new UTF8Encoding(false));
Console.WriteLine($"Wrote {rows.Count - 1} observations of {markets} markets to {output}.");

static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

static string Cents(double cents) => (cents / 100).ToString("0.00", CultureInfo.InvariantCulture);

static double Logit(double p) => Math.Log(p / (1 - p));

static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

// Box–Muller.
static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

// Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf, error below 1.5e-7).
static double Phi(double z)
{
    var x = Math.Abs(z) / Math.Sqrt(2);
    var t = 1 / (1 + (0.3275911 * x));
    var erf = 1 - ((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t * Math.Exp(-x * x);
    return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
