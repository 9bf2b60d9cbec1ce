using KalshiDesk.Engine.Forecasting.DataDriven;

namespace KalshiDesk.Engine.Tests.Forecasting.DataDriven;

public class TemperatureForecastFileTests
{
    private static readonly DateOnly Nov24 = new(2026, 11, 24);
    private static readonly DateTimeOffset Decision = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_FourColumns_ReadsEveryRow()
    {
        var file = Parse("station,date,forecast_high_f,sd_f\nKNYC,2026-11-24,50,3\n\nKMDW,2026-11-24,41.5,2.5\n");

        var row = file.Find("KNYC", Nov24, Decision)!;
        Assert.Equal(2, file.Count);
        Assert.Equal(50, row.HighF);
        Assert.Equal(3, row.SdF);
        Assert.Null(row.IssuedAt);
        Assert.Equal(2, row.Line);
        Assert.Equal(41.5, file.Find("kmdw", Nov24, Decision)!.HighF);
    }

    [Fact]
    public void Find_SeveralIssues_TakesTheLatestIssuedByTheDecisionTime()
    {
        var file = Parse(
            """
            station,date,forecast_high_f,sd_f,issued_at
            KNYC,2026-11-24,55,4,2026-11-22T12:00:00Z
            KNYC,2026-11-24,52,3,2026-11-23T12:00:00Z
            KNYC,2026-11-24,49,2,2026-11-24T06:00:00Z
            """);

        Assert.Equal(52, file.Find("KNYC", Nov24, Decision)!.HighF);
        Assert.Equal(55, file.Find("KNYC", Nov24, Decision.AddDays(-1))!.HighF);
        Assert.Null(file.Find("KNYC", Nov24, Decision.AddDays(-2)));
        Assert.Null(file.Find("KNYC", Nov24.AddDays(1), Decision));
        Assert.Null(file.Find("KLAX", Nov24, Decision));
    }

    [Theory]
    [InlineData("", "forecasts.csv line 1: the header must be 'station,date,forecast_high_f,sd_f' or 'station,date,forecast_high_f,sd_f,issued_at', not ''")]
    [InlineData("series,date,high,sd\n", "forecasts.csv line 1: the header must be 'station,date,forecast_high_f,sd_f' or 'station,date,forecast_high_f,sd_f,issued_at', not 'series,date,high,sd'")]
    [InlineData("station,date,forecast_high_f,sd_f\nKNYC,2026-11-24,50\n", "forecasts.csv line 2: 3 fields, expected 4 ('KNYC,2026-11-24,50')")]
    [InlineData("station,date,forecast_high_f,sd_f\nKNYC,2026-11-24,50,3\nKNYC,24/11/2026,50,3\n", "forecasts.csv line 3, column date: '24/11/2026' is not a yyyy-MM-dd date")]
    [InlineData("station,date,forecast_high_f,sd_f\nKNYC,2026-11-24,fifty,3\n", "forecasts.csv line 2, column forecast_high_f: 'fifty' is not a number")]
    [InlineData("station,date,forecast_high_f,sd_f\nKNYC,2026-11-24,NaN,3\n", "forecasts.csv line 2, column forecast_high_f: 'NaN' is not a number")]
    [InlineData("station,date,forecast_high_f,sd_f\nKNYC,2026-11-24,500,3\n", "forecasts.csv line 2, column forecast_high_f: 500 °F is outside −100 to 150 °F")]
    [InlineData("station,date,forecast_high_f,sd_f\nKNYC,2026-11-24,50,0\n", "forecasts.csv line 2, column sd_f: 0 °F must be above 0 and at most 50 °F")]
    [InlineData("station,date,forecast_high_f,sd_f\n,2026-11-24,50,3\n", "forecasts.csv line 2, column station: is empty")]
    [InlineData("station,date,forecast_high_f,sd_f,issued_at\nKNYC,2026-11-24,50,3,yesterday\n", "forecasts.csv line 2, column issued_at: 'yesterday' is not an ISO 8601 time")]
    [InlineData("station,date,forecast_high_f,sd_f\nKNYC,2026-11-24,50,3\nknyc,2026-11-24,51,3\n", "forecasts.csv line 3: KNYC 2026-11-24 issued (no issued_at) repeats line 2")]
    public void Parse_Malformed_SaysWhichLineAndColumn(string text, string expected)
    {
        var error = Assert.Throws<TemperatureForecastFileException>(() => Parse(text));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Parse_Malformed_CarriesTheLineAndColumn()
    {
        var error = Assert.Throws<TemperatureForecastFileException>(() => Parse("station,date,forecast_high_f,sd_f\nKNYC,2026-11-24,50,3\nKNYC,2026-11-25,50,-1\n"));

        Assert.Equal(3, error.Line);
        Assert.Equal("sd_f", error.Column);
    }

    private static TemperatureForecastFile Parse(string text)
    {
        using var reader = new StringReader(text);
        return TemperatureForecastFile.Parse(reader, "forecasts.csv");
    }
}
