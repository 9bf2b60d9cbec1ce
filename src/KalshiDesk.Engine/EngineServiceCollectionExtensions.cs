using KalshiDesk.Data;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Forecasting;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Reconciliation;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Scanner;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>The trading loop: market feed, forecasters, cycle, the brokers routed by the desk's mode, proposals, events.</summary>
    public static IServiceCollection AddDeskEngine(this IServiceCollection services)
    {
        services.AddKalshiClient();
        services.AddOptions<TradingOptions>().BindConfiguration(TradingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TradingOptions>, TradingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDeskEvents, DeskEventBus>();
        services.AddSingleton<SeriesCache>();
        services.AddSingleton<MarketStream>();
        services.AddSingleton<EventCatalog>();
        services.AddSingleton<TradeTape>();
        services.TryAddSingleton<IRecentTrades>(sp => sp.GetRequiredService<TradeTape>());
        services.AddSingleton<IForecaster, MarketImpliedForecaster>();
        services.AddSingleton<IForecaster, FavouriteLongshotForecaster>();
        services.AddSingleton<IForecaster, OrderFlowForecaster>();
        services.AddSingleton<IForecaster, EventConsistencyForecaster>();

        // Weights and recalibration learned from scored forecasts (equal and identity until markets settle).
        services.AddOptions<ScoringOptions>().BindConfiguration(ScoringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LearnedCalibration>();
        services.TryAddSingleton<IEnsembleWeightsProvider>(sp => sp.GetRequiredService<LearnedCalibration>());
        services.TryAddSingleton<ICalibrationProvider>(sp => sp.GetRequiredService<LearnedCalibration>());
        // Forecasts are the desk's, not a book's: recorded, scored and learned from in the main database, so what the desk
        // learned while trading paper is what it trades live with.
        services.TryAddSingleton<DeskControlDb>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ForecastRecorder>(sp, sp.GetRequiredService<DeskControlDb>()));
        services.AddTransient(sp => ActivatorUtilities.CreateInstance<CalibrationLearner>(sp, sp.GetRequiredService<DeskControlDb>()));
        services.AddTransient(sp => ActivatorUtilities.CreateInstance<ForecastScorer>(sp, sp.GetRequiredService<DeskControlDb>()));
        services.AddTransient<EnsembleForecaster>();
        services.AddTransient<MarketFeed>();
        services.AddTransient<PresetProvider>();
        services.AddTransient<PortfolioReader>();
        services.AddTransient<TradeHistory>();
        services.AddTransient<PnlReader>();
        services.AddDeskModes();
        services.AddTransient<PaperRestingOrders>();
        services.AddTransient<PaperSettlements>();
        services.AddTransient<LiveOrderGroups>();
        services.AddTransient<TradingCycle>();
        services.AddSingleton<MarketScan>();
        services.AddTransient<ProposalService>();
        services.AddTransient<IProposalDesk>(sp => sp.GetRequiredService<ProposalService>());
        services.AddTransient<PaperAccount>();
        services.AddDeskRisk();

        // Reconciliation reads Kalshi's portfolio endpoints through the same client (and buckets) as everything else.
        services.AddTransient<IExchangeAccount>(sp => new KalshiExchangeAccount(
            sp.GetRequiredService<IKalshiClient>() as KalshiClient
            ?? throw new InvalidOperationException("Reconciliation needs the Kalshi HTTP client.")));
        services.AddTransient<ReconciliationService>();
        return services;
    }
}
