using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenAI;

namespace KalshiDesk.Engine.Forecasting.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// The LLM forecaster, when <c>Forecasting:Llm:Enabled</c> is true: an OpenAI-compatible chat client (OpenAI, or
    /// Ollama at <c>http://localhost:11434/v1</c>), the forecaster as an <see cref="IForecaster"/>, and its background
    /// refresher. The options are bound and validated at start either way.
    /// </summary>
    public static IServiceCollection AddLlmForecaster(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LlmForecasterOptions>().Bind(configuration.GetSection(LlmForecasterOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmForecasterOptions>, LlmForecasterOptionsValidator>());
        if (!configuration.GetSection(LlmForecasterOptions.Section).GetValue<bool>(nameof(LlmForecasterOptions.Enabled)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMarketTextSource, SnapshotMarketTextSource>();
        services.AddKeyedSingleton<IChatClient>(LlmForecaster.ModelName, (sp, _) => CreateChatClient(sp.GetRequiredService<IOptions<LlmForecasterOptions>>().Value));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<LlmForecaster>(sp, sp.GetRequiredKeyedService<IChatClient>(LlmForecaster.ModelName)));
        services.AddSingleton<IForecaster>(sp => sp.GetRequiredService<LlmForecaster>());
        services.AddHostedService<LlmRefresher>();
        return services;
    }

    /// <summary>One adapter for every OpenAI-compatible endpoint; Ollama takes any key, so an empty one is sent as "none".</summary>
    public static IChatClient CreateChatClient(LlmForecasterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new InvalidOperationException($"{LlmForecasterOptions.Section}:Endpoint is required.");
        var model = options.Model ?? throw new InvalidOperationException($"{LlmForecasterOptions.Section}:Model is required.");
        var key = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey);
        var client = new OpenAIClient(key, new OpenAIClientOptions { Endpoint = endpoint, NetworkTimeout = options.Timeout });
        return client.GetChatClient(model).AsIChatClient();
    }
}
