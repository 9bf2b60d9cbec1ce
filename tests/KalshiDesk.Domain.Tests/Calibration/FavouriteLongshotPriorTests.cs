using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Calibration;

public class FavouriteLongshotPriorTests
{
    // win_rate_by_price.csv, prices 1–99¢: (price in cents, total_trades, wins). Copyright (c) 2026 Jonathan Becker,
    // MIT License, github.com/Jon-Becker/prediction-market-analysis (commit e1458bdb); copied here because CI has no
    // copy of the data. Every trade counts once for the taker's side and once for the maker's.
    private static readonly (int Cents, long Trades, long Wins)[] Raw =
    [
        (1, 2339220, 21369), (2, 1375575, 26114), (3, 1564413, 42340), (4, 1364548, 47068), (5, 1407530, 58865),
        (6, 1303293, 64068), (7, 1271609, 73631), (8, 1255693, 87555), (9, 1209061, 94089), (10, 1295252, 115464),
        (11, 1164119, 115545), (12, 1178635, 130895), (13, 1122715, 138897), (14, 1162887, 150570), (15, 1235622, 172017),
        (16, 1170847, 178659), (17, 1155242, 183013), (18, 1155721, 193837), (19, 1151908, 205128), (20, 1307618, 272070),
        (21, 1223045, 277659), (22, 1230219, 279584), (23, 1218339, 261112), (24, 1198040, 261127), (25, 1298586, 300092),
        (26, 1210430, 291818), (27, 1246675, 320582), (28, 1252447, 362085), (29, 1218470, 353768), (30, 1381799, 412990),
        (31, 1354089, 425669), (32, 1330541, 457449), (33, 1318130, 458407), (34, 1340650, 484737), (35, 1438131, 504489),
        (36, 1424776, 508831), (37, 1442264, 547520), (38, 1488500, 575914), (39, 1442774, 558257), (40, 1542791, 617722),
        (41, 1433572, 582886), (42, 1490023, 597830), (43, 1521563, 621112), (44, 1555500, 662279), (45, 1607887, 708386),
        (46, 1567582, 722781), (47, 1605738, 727187), (48, 1654856, 768963), (49, 1607466, 769939), (50, 1776961, 888521),
        (51, 1607381, 837512), (52, 1655049, 885946), (53, 1605699, 878563), (54, 1567652, 844832), (55, 1608001, 899598),
        (56, 1555432, 893212), (57, 1521445, 900364), (58, 1490081, 892246), (59, 1433466, 850628), (60, 1542735, 925090),
        (61, 1442790, 884507), (62, 1488751, 912833), (63, 1442113, 894593), (64, 1424807, 915996), (65, 1438184, 933708),
        (66, 1340730, 855931), (67, 1318316, 859849), (68, 1330633, 873228), (69, 1354039, 928354), (70, 1381962, 968960),
        (71, 1218618, 864904), (72, 1252809, 890600), (73, 1246449, 925872), (74, 1210360, 918595), (75, 1298627, 998577),
        (76, 1198219, 937168), (77, 1218087, 957013), (78, 1230111, 950498), (79, 1223140, 945565), (80, 1307465, 1035385),
        (81, 1152574, 947371), (82, 1155540, 961795), (83, 1155113, 972118), (84, 1171183, 992485), (85, 1235642, 1063649),
        (86, 1163192, 1012560), (87, 1122858, 984000), (88, 1178677, 1047795), (89, 1164318, 1048852), (90, 1298408, 1182793),
        (91, 1210509, 1116371), (92, 1257854, 1170233), (93, 1270668, 1197104), (94, 1303885, 1239879), (95, 1411261, 1352353),
        (96, 1366500, 1319482), (97, 1568248, 1525952), (98, 1383851, 1357784), (99, 2348987, 2327709),
    ];

    // Trade-weighted deciles of the raw table (1–9¢, 10–19¢, …, 90–99¢): trades, wins and win rate in %, from the CSV.
    [Theory]
    [InlineData(1, 9, 13090942, 515099, 3.935)]
    [InlineData(10, 19, 11792948, 1584025, 13.432)]
    [InlineData(20, 29, 12403869, 2979897, 24.024)]
    [InlineData(30, 39, 13961654, 4934263, 35.342)]
    [InlineData(40, 49, 15586978, 6779085, 43.492)]
    [InlineData(50, 59, 15821167, 8771422, 55.441)]
    [InlineData(60, 69, 14123098, 8984089, 63.613)]
    [InlineData(70, 79, 12478382, 9357752, 74.992)]
    [InlineData(80, 89, 11806562, 10066010, 85.258)]
    [InlineData(90, 99, 14420171, 13789660, 95.628)]
    public void ProbabilityAt_TradeWeightedDecile_IsWithinHalfAPointOfTheTable(int fromCents, int toCents, long trades, long wins, double rawPercent)
    {
        var rows = Raw.Where(r => r.Cents >= fromCents && r.Cents <= toCents).ToList();
        Assert.Equal(trades, rows.Sum(r => r.Trades));
        Assert.Equal(wins, rows.Sum(r => r.Wins));
        Assert.Equal(rawPercent, 100d * wins / trades, 3);

        var fittedPercent = 100d * rows.Sum(r => r.Trades * FavouriteLongshotPrior.ProbabilityAt(Cents(r.Cents)).Value) / trades;

        Assert.InRange(fittedPercent, rawPercent - 0.5, rawPercent + 0.5);
    }

    [Fact]
    public void Table_IsTheDocumentedFitOfTheRawTable()
    {
        // (1) pool each price with its complement, (2) weighted PAVA, (3) local-linear smoothing in log-odds with a
        // 1.5¢ Gaussian kernel weighted by trade sides, (4) PAVA again. The shipped table is this, rounded to 5 places.
        var trades = Raw.Select(r => (double)(r.Trades + Raw[99 - r.Cents].Trades)).ToArray();
        var rates = Raw.Select(r => (r.Wins + Raw[99 - r.Cents].Trades - Raw[99 - r.Cents].Wins) / (double)(r.Trades + Raw[99 - r.Cents].Trades)).ToArray();
        var cents = Raw.Select(r => (double)r.Cents).ToArray();
        var monotone = PoolAdjacentViolators.FittedValues(cents, rates, trades);
        var smoothed = cents.Select((c0, i) => LocalLinear(cents, monotone, trades, c0, 1.5)).ToArray();
        var fitted = PoolAdjacentViolators.FittedValues(cents, smoothed, trades);

        for (var i = 0; i < fitted.Length; i++)
        {
            Assert.True(Math.Abs(fitted[i] - FavouriteLongshotPrior.Table[i]) <= 0.000006, $"{i + 1}¢: fit {fitted[i]:0.000000}, table {FavouriteLongshotPrior.Table[i]}");
        }
    }

    [Fact]
    public void Table_IsStrictlyIncreasingAndSymmetric()
    {
        var table = FavouriteLongshotPrior.Table;

        Assert.Equal(99, table.Count);
        Assert.All(Enumerable.Range(1, 98), i => Assert.True(table[i] > table[i - 1], $"{i + 1}¢"));
        Assert.All(Enumerable.Range(0, 99), i => Assert.Equal(1d, table[i] + table[98 - i], 9));
    }

    [Fact]
    public void ProbabilityAt_Longshot_IsBelowItsPrice()
    {
        Assert.Equal(0.04225, FavouriteLongshotPrior.ProbabilityAt(Cents(5)).Value, 9);
        Assert.Equal(0.95775, FavouriteLongshotPrior.ProbabilityAt(Cents(95)).Value, 9);
        Assert.Equal(0.5, FavouriteLongshotPrior.ProbabilityAt(Cents(50)).Value, 9);
    }

    [Fact]
    public void ProbabilityAt_SubCentPrice_InterpolatesBetweenCents()
    {
        // Halfway between 5¢ (0.04225) and 6¢ (0.05035).
        Assert.Equal(0.0463, FavouriteLongshotPrior.ProbabilityAt(Price.Parse("0.0550")).Value, 9);
    }

    [Fact]
    public void ProbabilityAt_OutsideTheTable_IsFlat()
    {
        Assert.Equal(0.00917, FavouriteLongshotPrior.ProbabilityAt(Price.Zero).Value, 9);
        Assert.Equal(0.00917, FavouriteLongshotPrior.ProbabilityAt(Price.Parse("0.005")).Value, 9);
        Assert.Equal(0.99083, FavouriteLongshotPrior.ProbabilityAt(Price.One).Value, 9);
    }

    [Fact]
    public void ProbabilityAt_TimeToClose_DoesNotChangeTheAnswerYet()
    {
        var price = Price.Parse("0.20");

        Assert.Equal(FavouriteLongshotPrior.ProbabilityAt(price), FavouriteLongshotPrior.ProbabilityAt(price, TimeSpan.FromHours(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FavouriteLongshotPrior.ProbabilityAt(price, TimeSpan.FromHours(-1)));
    }

    [Property]
    public Property ProbabilityAt_YesAndNoAtComplementaryPricesSumToOne(ushort tenthsOfACent)
    {
        var price = Price.FromDollars((tenthsOfACent % 1001) / 1000m);

        var sum = FavouriteLongshotPrior.ProbabilityAt(price).Value + FavouriteLongshotPrior.ProbabilityAt(price.Complement).Value;

        return (Math.Abs(sum - 1d) < 1e-9).Label($"{price}: {sum}");
    }

    private static Price Cents(int cents) => Price.FromDollars(cents / 100m);

    // Local-linear regression of logit(y) on logit(price) at c0, Gaussian kernel in cents, weighted.
    private static double LocalLinear(double[] cents, double[] y, double[] weights, double c0, double bandwidth)
    {
        var x0 = LogOdds.Logit(c0 / 100d);
        double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
        for (var j = 0; j < cents.Length; j++)
        {
            var k = Math.Exp(-0.5 * Math.Pow((cents[j] - c0) / bandwidth, 2)) * weights[j];
            var x = LogOdds.Logit(cents[j] / 100d) - x0;
            var logit = LogOdds.Logit(y[j]);
            sw += k;
            swx += k * x;
            swy += k * logit;
            swxx += k * x * x;
            swxy += k * x * logit;
        }

        var slope = ((sw * swxy) - (swx * swy)) / ((sw * swxx) - (swx * swx));
        return LogOdds.Logistic((swy - (slope * swx)) / sw);
    }
}
