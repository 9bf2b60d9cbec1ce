namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>Configuration section <c>Forecasting:Llm</c>. Checked at start by <see cref="LlmForecasterOptionsValidator"/>.</summary>
public sealed class LlmForecasterOptions
{
    public const string Section = "Forecasting:Llm";

    /// <summary>Whether the desk asks a language model at all. Default false: no call, no spend, no forecast.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The OpenAI-compatible base URL, e.g. <c>https://api.openai.com/v1</c>, or <c>http://localhost:11434/v1</c> for
    /// Ollama's OpenAI-compatible endpoint. Required when enabled.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model id the endpoint knows, e.g. <c>gpt-4o-mini</c> or <c>llama3.1:8b</c>. Required when enabled.</summary>
    public string? Model { get; set; }

    /// <summary>The bearer key; may be empty for an endpoint that takes none (Ollama).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Most the desk spends on the model per UTC day, in dollars. Default 1.00; 0 stops every call.</summary>
    public decimal DailySpendCapDollars { get; set; } = 1m;

    /// <summary>Dollars per million input (prompt) tokens, from the provider's price list. Default 0 (a local model).</summary>
    public decimal PricePerMillionInputTokens { get; set; }

    /// <summary>Dollars per million output (completion) tokens. Default 0.</summary>
    public decimal PricePerMillionOutputTokens { get; set; }

    /// <summary>A flat charge per call in dollars, for providers that bill per request. Default 0.</summary>
    public decimal PricePerCall { get; set; }

    /// <summary>The answer's length limit in tokens; it also bounds what a call can cost. Default 200.</summary>
    public int MaxOutputTokens { get; set; } = 200;

    /// <summary>How long one call may take before it is abandoned. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Markets that may wait for the background refresher at once; more are dropped and asked for again next cycle. Default 1000.</summary>
    public int QueueCapacity { get; set; } = 1000;
}
