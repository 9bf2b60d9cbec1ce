using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Tests.Forecasting.Cli;

public sealed class MarketCsvReaderTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-csv-");

    public void Dispose() => _directory.Delete(true);

    private static IReadOnlyList<SettledMarketRow> Settled(params string[] lines) =>
        MarketCsvReader.ParseSettled(new StringReader(string.Join('\n', lines)), "settled.csv");

    private static IReadOnlyList<OpenMarketRow> Open(params string[] lines) =>
        MarketCsvReader.ParseOpen(new StringReader(string.Join('\n', lines)), "open.csv");

    private static string SettledError(params string[] lines) => Assert.Throws<ForecastInputException>(() => Settled(lines)).Message;

    private static string OpenError(params string[] lines) => Assert.Throws<ForecastInputException>(() => Open(lines)).Message;

    [Fact]
    public void ParseSettled_EveryColumn_ReadsTheRowsWithTheirLines()
    {
        var rows = Settled(
            "ticker,category,price,outcome,close_time,observed_at",
            "KXHIGHNY-25JAN10-T40,Weather,0.35,yes,2025-01-10T23:00:00Z,2025-01-10T08:00:00-05:00",
            "KXCPI-25JAN-T0.3,Economics,0.2,0,2025-01-15,",
            "KXCPI-25JAN-T0.4,Economics,0.0125,1,,");

        Assert.Equal(
            [
                new SettledMarketRow("KXHIGHNY-25JAN10-T40", "Weather", 0.35m, true, new DateTimeOffset(2025, 1, 10, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 10, 13, 0, 0, TimeSpan.Zero), 2),
                new SettledMarketRow("KXCPI-25JAN-T0.3", "Economics", 0.2m, false, new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero), null, 3),
                new SettledMarketRow("KXCPI-25JAN-T0.4", "Economics", 0.0125m, true, null, null, 4),
            ],
            rows);
    }

    [Fact]
    public void ParseSettled_ColumnsInAnyOrderQuotedValuesUnknownColumnsAndCrLf_AreRead()
    {
        var rows = MarketCsvReader.ParseSettled(
            new StringReader("Outcome,notes,PRICE,Category,Ticker\r\nNO,\"a note, with a comma and \"\"quotes\"\"\",\"0.61\",\"Politics, US\",PRES-2028\r\n\r\nYes,\"two\nlines\",0.4,Sports,KXNBA-1\r\n"),
            "settled.csv");

        Assert.Equal(
            [
                new SettledMarketRow("PRES-2028", "Politics, US", 0.61m, false, null, null, 2),
                new SettledMarketRow("KXNBA-1", "Sports", 0.4m, true, null, null, 4),
            ],
            rows);
    }

    [Fact]
    public void ParseSettled_SeveralRowsOfOneMarket_AreKeptAsObservations()
    {
        var rows = Settled(
            "ticker,category,price,outcome",
            "KXA-1,Weather,0.30,yes",
            "KXA-1,Weather,0.45,YES");

        Assert.Equal([0.30m, 0.45m], rows.Select(r => r.Price));
    }

    [Fact]
    public void ParseOpen_NoOutcomeColumn_ReadsTheMarketsAndIgnoresAnOutcomeColumn()
    {
        var rows = Open(
            "ticker,category,price,outcome,close_time",
            "KXA-1,Weather,0.30,yes,2025-06-01T12:00:00Z");

        Assert.Equal([new OpenMarketRow("KXA-1", "Weather", 0.30m, new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero), null, 2)], rows);
    }

    [Fact]
    public void ParseOpen_HeaderOnly_IsNoMarkets() =>
        Assert.Empty(Open("ticker,category,price"));

    [Fact]
    public void ParseOpen_PriceOutOfRange_NamesTheLineColumnAndValue()
    {
        var lines = new List<string> { "ticker,category,price" };
        lines.AddRange(Enumerable.Range(1, 12).Select(i => $"KXA-{i},Weather,0.{i + 10}"));
        lines.Add("KXA-13,Weather,1.7");

        Assert.Equal("open.csv line 14, column price: \"1.7\" is not a price between 0 and 1", OpenError([.. lines]));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("1.0")]
    [InlineData("-0.2")]
    [InlineData("abc")]
    [InlineData("0,5")]
    [InlineData("")]
    public void ParseOpen_NotAPrice_IsRefused(string price)
    {
        var cell = price.Contains(',', StringComparison.Ordinal) ? $"\"{price}\"" : price;

        Assert.Equal($"open.csv line 2, column price: \"{price}\" is not a price between 0 and 1", OpenError("ticker,category,price", $"KXA-1,Weather,{cell}"));
    }

    [Fact]
    public void ParseOpen_PriceInCents_SaysPricesAreInDollars() =>
        Assert.Equal(
            "open.csv line 2, column price: \"35\" is not a price between 0 and 1 (prices are in dollars: 35¢ is 0.35)",
            OpenError("ticker,category,price", "KXA-1,Weather,35"));

    [Fact]
    public void ParseSettled_UnknownOutcome_IsRefused() =>
        Assert.Equal(
            "settled.csv line 3, column outcome: \"maybe\" is not an outcome (yes/no or 1/0)",
            SettledError("ticker,category,price,outcome", "KXA-1,Weather,0.3,yes", "KXA-2,Weather,0.3,maybe"));

    [Fact]
    public void ParseSettled_OneMarketSettlingBothWays_IsRefused() =>
        Assert.Equal(
            "settled.csv line 4, column outcome: \"no\", but KXA-1 settled yes on line 2",
            SettledError("ticker,category,price,outcome", "KXA-1,Weather,0.3,yes", "KXA-2,Weather,0.3,no", "KXA-1,Weather,0.4,no"));

    [Fact]
    public void ParseOpen_EmptyTicker_IsRefused() =>
        Assert.Equal("open.csv line 2, column ticker: the ticker is empty", OpenError("ticker,category,price", " ,Weather,0.3"));

    [Fact]
    public void ParseOpen_TickerWithASpace_IsRefused() =>
        Assert.Equal(
            "open.csv line 2, column ticker: \"KXA 1\" is not a ticker (letters, digits, '-', '.' and '_')",
            OpenError("ticker,category,price", "KXA 1,Weather,0.3"));

    [Fact]
    public void ParseOpen_EmptyCategory_IsRefused() =>
        Assert.Equal(
            "open.csv line 2, column category: the category is empty; give every market one (any label, e.g. Sports)",
            OpenError("ticker,category,price", "KXA-1,\"\",0.3"));

    [Fact]
    public void ParseOpen_TimeNotIso8601_IsRefused() =>
        Assert.Equal(
            "open.csv line 2, column close_time: \"01/10/2025\" is not an ISO 8601 time (e.g. 2025-01-10T23:00:00Z)",
            OpenError("ticker,category,price,close_time", "KXA-1,Weather,0.3,01/10/2025"));

    [Fact]
    public void ParseOpen_ObservedAfterClose_IsRefused() =>
        Assert.Equal(
            "open.csv line 2, column observed_at: \"2025-01-11T00:00:00Z\" is after close_time 2025-01-10T23:00:00Z",
            OpenError("ticker,category,price,close_time,observed_at", "KXA-1,Weather,0.3,2025-01-10T23:00:00Z,2025-01-11T00:00:00Z"));

    [Fact]
    public void ParseOpen_SameTickerTwice_IsRefused() =>
        Assert.Equal(
            "open.csv line 4, column ticker: \"KXA-1\" is already on line 2; list each open market once",
            OpenError("ticker,category,price", "KXA-1,Weather,0.3", "KXA-2,Weather,0.3", "KXA-1,Weather,0.4"));

    [Theory]
    [InlineData("KXA-1,Weather", "open.csv line 2: 2 values for the header's 3 columns")]
    [InlineData("KXA-1,Weather,0.3,extra", "open.csv line 2: 4 values for the header's 3 columns")]
    public void ParseOpen_WrongNumberOfValues_IsRefused(string row, string message) =>
        Assert.Equal(message, OpenError("ticker,category,price", row));

    [Fact]
    public void ParseSettled_HeaderWithoutOutcome_IsRefused() =>
        Assert.Equal(
            "settled.csv line 1: no \"outcome\" column; the header must name ticker, category, price, outcome and may add close_time, observed_at",
            SettledError("ticker,category,price", "KXA-1,Weather,0.3"));

    [Fact]
    public void ParseOpen_NoHeader_IsRefusedAsAMissingColumn() =>
        Assert.Equal(
            "open.csv line 1: no \"ticker\" column; the header must name ticker, category, price and may add close_time, observed_at",
            OpenError("KXA-1,Weather,0.3"));

    [Fact]
    public void ParseOpen_ColumnTwice_IsRefused() =>
        Assert.Equal("open.csv line 1: column \"price\" appears twice", OpenError("ticker,category,price,Price", "KXA-1,Weather,0.3,0.4"));

    [Fact]
    public void ParseSettled_EmptyFile_IsRefused() =>
        Assert.Equal(
            "settled.csv: the file is empty; its first line must name the columns (ticker,category,price,outcome[,close_time,observed_at])",
            SettledError(string.Empty));

    [Fact]
    public void ParseSettled_HeaderOnly_IsAnEmptyHistory() =>
        Assert.Equal(
            "settled.csv: no settled markets after the header; the history needs at least one row",
            SettledError("ticker,category,price,outcome", string.Empty));

    [Fact]
    public void ParseOpen_QuoteInsideAnUnquotedValue_IsRefused() =>
        Assert.Equal(
            "open.csv line 2, column category: a quote inside an unquoted value; quote the whole value and double each quote inside it (\"say \"\"yes\"\"\")",
            OpenError("ticker,category,price", "KXA-1,We\"ather,0.3"));

    [Fact]
    public void ParseOpen_TextAfterAClosingQuote_IsRefused() =>
        Assert.Equal(
            "open.csv line 2, column category: text after the closing quote; a quoted value ends with its quote, then a comma or the end of the line",
            OpenError("ticker,category,price", "KXA-1,\"Weather\"x,0.3"));

    [Fact]
    public void ParseOpen_QuoteNeverClosed_NamesTheLineItOpensOn() =>
        Assert.Equal(
            "open.csv line 3, column category: a quoted value is never closed",
            OpenError("ticker,category,price", "KXA-1,Weather,0.3", "KXA-2,\"Weather,0.3", "KXA-3,Weather,0.3"));

    [Fact]
    public void ParseOpen_ErrorAfterAValueSpanningLines_NamesThePhysicalLine() =>
        Assert.Equal(
            "open.csv line 4, column price: \"2\" is not a price between 0 and 1 (prices are in dollars: 2¢ is 0.02)",
            OpenError("ticker,category,price", "KXA-1,\"Wea\nther\",0.3", "KXA-2,Weather,2"));

    [Fact]
    public void ReadSettled_MissingFile_IsRefused()
    {
        var path = Path.Combine(_directory.FullName, "settled.csv");

        var error = Assert.Throws<ForecastInputException>(() => MarketCsvReader.ReadSettled(path));

        Assert.Equal($"{path}: the file does not exist", error.Message);
    }

    [Fact]
    public void ReadOpen_AFolder_IsRefused()
    {
        var error = Assert.Throws<ForecastInputException>(() => MarketCsvReader.ReadOpen(_directory.FullName));

        Assert.Equal($"{_directory.FullName}: is a folder, not a CSV file", error.Message);
    }

    [Fact]
    public void ReadSettled_FileWithByteOrderMark_ReadsTheHeader()
    {
        var path = Path.Combine(_directory.FullName, "settled.csv");
        File.WriteAllText(path, "ticker,category,price,outcome\nKXA-1,Weather,0.3,yes\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var row = Assert.Single(MarketCsvReader.ReadSettled(path));

        Assert.Equal(("KXA-1", 0.3m, true), (row.Ticker, row.Price, row.YesWon));
    }
}
