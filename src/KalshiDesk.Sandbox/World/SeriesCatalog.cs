using System.Globalization;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.World;

/// <summary>
/// The series the world draws its events from, modelled on Kalshi's own: most charge the general fee
/// (quadratic, multiplier 1), the big leagues also charge makers, and the S&amp;P 500 series trades at half rate.
/// </summary>
internal static class SeriesCatalog
{
    private static readonly FeeSchedule General = FeeSchedule.Standard;
    private static readonly FeeSchedule WithMakerFees = new(FeeType.QuadraticWithMakerFees, 1m);

    // Kalshi's fee schedule charges the S&P 500 and Nasdaq-100 series half the general rate (fee_multiplier 0.5).
    private static readonly FeeSchedule IndexHalfRate = new(FeeType.Quadratic, 0.5m);

    public static IReadOnlyList<SeriesTemplate> Templates { get; } = Build();

    private static List<SeriesTemplate> Build()
    {
        var templates = new List<SeriesTemplate>();
        foreach (var (ticker, city, station, typical) in new[]
        {
            ("KXHIGHNY", "NYC", "Central Park, New York", 50m),
            ("KXHIGHCHI", "Chicago", "Chicago Midway Airport", 41m),
            ("KXHIGHMIA", "Miami", "Miami International Airport", 79m),
            ("KXHIGHLAX", "Los Angeles", "Los Angeles International Airport", 69m),
            ("KXHIGHDEN", "Denver", "Denver International Airport", 47m),
        })
        {
            templates.Add(new ThresholdTemplate(Series(ticker, $"Highest temperature in {city}", "weather", "daily", ["Temperature"], "National Weather Service", "https://www.weather.gov/", General))
            {
                Cadence = Cadence.Daily,
                CloseHour = 23,
                CloseMinute = 59,
                Typical = typical,
                Step = 2m,
                Display = v => Whole(v) + "°F",
                MarketTitle = $"Will the high temperature in {city} be above {{0}} on {{1}}?",
                EventTitle = $"Highest temperature in {city} on {{0}}?",
                Rules = $"If the highest temperature recorded at {station} on {{1}} is above {{0}}, then the market resolves to Yes.",
                RulesSecondary = $"The market resolves on the National Weather Service's final Daily Climate Report for {station}.",
            });
        }

        foreach (var (ticker, coin, typical, step) in new[] { ("KXBTC15M", "Bitcoin", 96000m, 100m), ("KXETH15M", "Ethereum", 3400m, 5m) })
        {
            templates.Add(new ThresholdTemplate(Series(ticker, $"{coin} price in 15 minutes", "crypto", "fifteen_min", [coin, "Digital Assets"], "CF Benchmarks", "https://www.cfbenchmarks.com/", General, fractional: true))
            {
                Cadence = Cadence.QuarterHour,
                Typical = typical,
                Step = step,
                Display = v => "$" + v.ToString("#,0", CultureInfo.InvariantCulture),
                MarketTitle = $"Will the {coin} price be above {{0}} at {{1}}?",
                EventTitle = $"{coin} price at {{0}}?",
                Rules = $"If the CF Benchmarks {coin} Real-Time Index is above {{0}} at {{1}}, then the market resolves to Yes.",
                RulesSecondary = "The market resolves on the average of the index over the sixty seconds before the stated time.",
            });
        }

        foreach (var (ticker, coin, typical, step) in new[] { ("KXBTCD", "Bitcoin", 96000m, 1000m), ("KXETHD", "Ethereum", 3400m, 50m), ("KXSOLD", "Solana", 180m, 5m) })
        {
            templates.Add(new ThresholdTemplate(Series(ticker, $"{coin} price", "crypto", "hourly", [coin, "Digital Assets"], "CF Benchmarks", "https://www.cfbenchmarks.com/", General, fractional: true))
            {
                Cadence = Cadence.Hourly,
                Hours = [10, 12, 17],
                Typical = typical,
                Step = step,
                Display = v => "$" + v.ToString("#,0", CultureInfo.InvariantCulture),
                MarketTitle = $"Will the {coin} price be above {{0}} at {{1}}?",
                EventTitle = $"{coin} price at {{0}}?",
                Rules = $"If the CF Benchmarks {coin} Real-Time Index is above {{0}} at {{1}}, then the market resolves to Yes.",
                RulesSecondary = "The market resolves on the average of the index over the sixty seconds before the stated time.",
            });
        }

        templates.Add(new ThresholdTemplate(Series("KXINX", "S&P 500 daily close", "economics", "daily", ["S&P 500", "Indices"], "S&P Dow Jones Indices", "https://www.spglobal.com/spdji/", IndexHalfRate))
        {
            Cadence = Cadence.Daily,
            CloseHour = 16,
            Typical = 6800m,
            Step = 25m,
            Display = v => v.ToString("#,0", CultureInfo.InvariantCulture),
            MarketTitle = "Will the S&P 500 close above {0} on {1}?",
            EventTitle = "S&P 500 close on {0}?",
            Rules = "If the S&P 500 index closes above {0} on {1}, then the market resolves to Yes.",
            RulesSecondary = "The market resolves on the official closing value published by S&P Dow Jones Indices.",
        });
        templates.Add(new ThresholdTemplate(Series("KXCPI", "CPI", "economics", "monthly", ["Inflation"], "Bureau of Labor Statistics", "https://www.bls.gov/cpi/", General))
        {
            Cadence = Cadence.Monthly,
            CloseHour = 8,
            CloseMinute = 30,
            Typical = 0.3m,
            Step = 0.1m,
            Display = v => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            MarketTitle = "Will CPI rise more than {0} in {1}?",
            EventTitle = "CPI in {0}?",
            Rules = "If the seasonally adjusted CPI-U for {1} rises more than {0} month over month, then the market resolves to Yes.",
            RulesSecondary = "The market resolves on the first release by the Bureau of Labor Statistics, rounded to one decimal place.",
        });
        templates.Add(new ThresholdTemplate(Series("KXPAYROLLS", "Jobs numbers", "economics", "monthly", ["Employment"], "Bureau of Labor Statistics", "https://www.bls.gov/ces/", General))
        {
            Cadence = Cadence.Monthly,
            CloseHour = 8,
            CloseMinute = 30,
            Typical = 150m,
            Step = 25m,
            Display = v => Whole(v * 1000m),
            Code = v => Whole(v * 1000m).Replace(",", string.Empty, StringComparison.Ordinal),
            MarketTitle = "Will the US economy add more than {0} jobs in {1}?",
            EventTitle = "Jobs added in {0}?",
            Rules = "If total nonfarm payrolls for {1} rise by more than {0} in the first release, then the market resolves to Yes.",
            RulesSecondary = "The market resolves on the Employment Situation report of the Bureau of Labor Statistics.",
        });
        templates.Add(new ThresholdTemplate(Series("KXU3", "Unemployment rate", "economics", "monthly", ["Employment"], "Bureau of Labor Statistics", "https://www.bls.gov/cps/", General))
        {
            Cadence = Cadence.Monthly,
            CloseHour = 8,
            CloseMinute = 30,
            Typical = 4.3m,
            Step = 0.1m,
            Display = v => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            MarketTitle = "Will the unemployment rate be above {0} in {1}?",
            EventTitle = "Unemployment rate in {0}?",
            Rules = "If the U-3 unemployment rate for {1} is above {0} in the first release, then the market resolves to Yes.",
            RulesSecondary = "The market resolves on the Employment Situation report of the Bureau of Labor Statistics.",
        });
        templates.Add(new FedDecisionTemplate(Series("KXFEDDECISION", "Fed rate decision", "economics", "monthly", ["Fed", "Interest Rates"], "Federal Reserve", "https://www.federalreserve.gov/", General)));

        templates.Add(new ThresholdTemplate(Series("KXAPPROVAL", "Presidential approval rating", "politics", "daily", ["Approval"], "RealClearPolitics", "https://www.realclearpolling.com/", General))
        {
            Cadence = Cadence.Daily,
            CloseHour = 10,
            Typical = 44m,
            Step = 1m,
            Display = v => Whole(v) + "%",
            MarketTitle = "Will the President's approval rating be above {0} on {1}?",
            EventTitle = "Presidential approval rating on {0}?",
            Rules = "If the RealClearPolitics average of the President's job approval is above {0} at 10am ET on {1}, then the market resolves to Yes.",
            RulesSecondary = "The market resolves on the average as displayed, to one decimal place.",
        });
        templates.Add(new ThresholdTemplate(Series("KXEOWEEK", "Executive orders signed", "politics", "weekly", ["Executive Orders"], "Federal Register", "https://www.federalregister.gov/", General))
        {
            Cadence = Cadence.Weekly,
            CloseHour = 23,
            CloseMinute = 59,
            Typical = 4m,
            Step = 1m,
            Display = v => Whole(v),
            MarketTitle = "Will more than {0} executive orders be signed in {1}?",
            EventTitle = "Executive orders signed in {0}?",
            Rules = "If more than {0} executive orders are signed in {1}, then the market resolves to Yes.",
            RulesSecondary = "Orders count on the date signed, as published in the Federal Register.",
        });

        templates.Add(new GameTemplate(Series("KXNFLGAME", "Professional football game", "sports", "custom", ["Football"], "NFL", "https://www.nfl.com/", WithMakerFees))
        {
            League = "NFL",
            StartHour = 13,
            Teams = [("KC", "Kansas City"), ("BUF", "Buffalo"), ("PHI", "Philadelphia"), ("DAL", "Dallas"), ("SF", "San Francisco"), ("DET", "Detroit"), ("BAL", "Baltimore"), ("GB", "Green Bay"), ("MIA", "Miami"), ("CIN", "Cincinnati")],
        });
        templates.Add(new GameTemplate(Series("KXNBAGAME", "Professional basketball game", "sports", "custom", ["Basketball"], "NBA", "https://www.nba.com/", WithMakerFees))
        {
            League = "NBA",
            StartHour = 19,
            Teams = [("BOS", "Boston"), ("LAL", "Los Angeles L"), ("GSW", "Golden State"), ("DEN", "Denver"), ("MIL", "Milwaukee"), ("NYK", "New York"), ("PHX", "Phoenix"), ("OKC", "Oklahoma City"), ("DAL", "Dallas"), ("MIA", "Miami")],
        });
        templates.Add(new GameTemplate(Series("KXNHLGAME", "Professional hockey game", "sports", "custom", ["Hockey"], "NHL", "https://www.nhl.com/", General))
        {
            League = "NHL",
            StartHour = 19,
            Teams = [("TOR", "Toronto"), ("BOS", "Boston"), ("NYR", "New York R"), ("EDM", "Edmonton"), ("COL", "Colorado"), ("VGK", "Vegas"), ("FLA", "Florida"), ("DAL", "Dallas")],
        });
        return templates;
    }

    private static SandboxSeries Series(string ticker, string title, string category, string frequency, string[] tags, string source, string url, FeeSchedule fees, bool fractional = false) =>
        new(ticker, title, category, frequency, tags, source, url, fees, fractional);

    private static string Whole(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
