using KalshiDesk.Engine.Backtesting;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Hosting;

public static class BacktestsHosting
{
    /// <summary>Backtests run in the background (<see cref="BacktestRuns"/>) over the samples in <c>Backtests:SamplesPath</c>.</summary>
    public static void AddDeskBacktests(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BacktestsOptions>().BindConfiguration(BacktestsOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Relative to the content root: beside the executable, where the build copies the repository's samples/backtest.
        var root = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(sp => new BacktestSamples(Path.Combine(root, sp.GetRequiredService<IOptions<BacktestsOptions>>().Value.SamplesPath)));
        builder.Services.AddSingleton<BacktestRuns>();
    }
}
