using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>One clear line per bad key, so a misconfigured model fails the start instead of failing quietly every cycle.</summary>
public sealed class LlmForecasterOptionsValidator : IValidateOptions<LlmForecasterOptions>
{
    private const string Prefix = LlmForecasterOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, LlmForecasterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Enabled)
        {
            if (options.Endpoint is not { IsAbsoluteUri: true } endpoint || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{Prefix}Endpoint '{options.Endpoint}' must be an absolute http(s) URL, e.g. http://localhost:11434/v1 for Ollama or https://api.openai.com/v1.");
            }

            if (string.IsNullOrWhiteSpace(options.Model))
            {
                failures.Add($"{Prefix}Model is required when {Prefix}Enabled is true, e.g. gpt-4o-mini or llama3.1:8b.");
            }
        }

        NotNegative(failures, nameof(options.DailySpendCapDollars), options.DailySpendCapDollars);
        NotNegative(failures, nameof(options.PricePerMillionInputTokens), options.PricePerMillionInputTokens);
        NotNegative(failures, nameof(options.PricePerMillionOutputTokens), options.PricePerMillionOutputTokens);
        NotNegative(failures, nameof(options.PricePerCall), options.PricePerCall);
        if (options.MaxOutputTokens is < 16 or > 8192)
        {
            failures.Add($"{Prefix}MaxOutputTokens {options.MaxOutputTokens} must be from 16 to 8192.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Prefix}Timeout {options.Timeout} must be from 00:00:01 to 00:10:00.");
        }

        if (options.QueueCapacity is < 1 or > 100_000)
        {
            failures.Add($"{Prefix}QueueCapacity {options.QueueCapacity} must be from 1 to 100000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void NotNegative(List<string> failures, string key, decimal value)
    {
        if (value < 0)
        {
            failures.Add($"{Prefix}{key} {value} must not be negative (dollars).");
        }
    }
}
