using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Tests.Forecasting.Cli;

public sealed class ForecastCsvWriterTests
{
    private static MarketForecast Forecast(string ticker, decimal price, double probability, double prior, double recalibrated) =>
        new(ticker, price, Probability.Of(probability), 0.1, [
            new ModelForecast(OfflineModels.MarketImplied, Probability.Of((double)price)),
            new ModelForecast(OfflineModels.FavouriteLongshot, Probability.Of(prior)),
            new ModelForecast(OfflineModels.Recalibrated, Probability.Of(recalibrated)),
        ]);

    [Fact]
    public void Write_Forecasts_OneRowEachWithAColumnPerModel()
    {
        using var writer = new StringWriter();

        ForecastCsvWriter.Write(writer, [Forecast("KXA-1", 0.1500m, 0.123456, 0.14035, 0.1), Forecast("KXB-2", 0.0125m, 0.01, 0.0113125, 0.00999)]);

        Assert.Equal(
            "ticker,price,probability,market-implied,favourite-longshot,recalibrated\n" +
            "KXA-1,0.15,0.1235,0.1500,0.1404,0.1000\n" +
            "KXB-2,0.0125,0.0100,0.0125,0.0113,0.0100\n",
            writer.ToString());
    }

    [Fact]
    public void Write_ValueWithACommaOrQuote_IsQuoted()
    {
        using var writer = new StringWriter();

        ForecastCsvWriter.Write(writer, [Forecast("A,\"B\"", 0.5m, 0.5, 0.5, 0.5)]);

        Assert.Equal("\"A,\"\"B\"\"\",0.5,0.5000,0.5000,0.5000,0.5000\n", writer.ToString().Split('\n', 2)[1]);
    }

    [Fact]
    public void WriteFile_ExistingFile_IsReplacedAndNoTemporaryFileIsLeft()
    {
        var directory = Directory.CreateTempSubdirectory("kalshidesk-writer-");
        try
        {
            var path = Path.Combine(directory.FullName, "forecasts.csv");
            File.WriteAllText(path, "old contents, much longer than the new ones will be\n");

            ForecastCsvWriter.WriteFile(path, [Forecast("KXA-1", 0.2m, 0.2, 0.2, 0.2)]);

            Assert.Equal("ticker,price,probability,market-implied,favourite-longshot,recalibrated\nKXA-1,0.2,0.2000,0.2000,0.2000,0.2000\n", File.ReadAllText(path));
            Assert.Equal(["forecasts.csv"], directory.GetFiles().Select(f => f.Name));
        }
        finally
        {
            directory.Delete(true);
        }
    }
}
