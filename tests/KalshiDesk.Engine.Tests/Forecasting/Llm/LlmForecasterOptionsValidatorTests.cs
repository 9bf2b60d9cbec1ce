using KalshiDesk.Engine.Forecasting.Llm;

namespace KalshiDesk.Engine.Tests.Forecasting.Llm;

public class LlmForecasterOptionsValidatorTests
{
    private readonly LlmForecasterOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_PassAndAreOff()
    {
        var options = new LlmForecasterOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.False(options.Enabled);
    }

    [Fact]
    public void Validate_EnabledOllama_Passes() =>
        Assert.True(_validator.Validate(null, new LlmForecasterOptions { Enabled = true, Endpoint = new Uri("http://localhost:11434/v1"), Model = "llama3.1:8b" }).Succeeded);

    [Fact]
    public void Validate_EnabledWithoutEndpointOrModel_SaysSoOneLineEach()
    {
        var result = _validator.Validate(null, new LlmForecasterOptions { Enabled = true });

        Assert.Equal(
            [
                "Forecasting:Llm:Endpoint '' must be an absolute http(s) URL, e.g. http://localhost:11434/v1 for Ollama or https://api.openai.com/v1.",
                "Forecasting:Llm:Model is required when Forecasting:Llm:Enabled is true, e.g. gpt-4o-mini or llama3.1:8b.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_BadNumbers_SaysSoOneLineEach()
    {
        var result = _validator.Validate(null, new LlmForecasterOptions
        {
            Endpoint = new Uri("ftp://models.example/v1"),
            DailySpendCapDollars = -1m,
            PricePerMillionOutputTokens = -0.5m,
            MaxOutputTokens = 4,
            Timeout = TimeSpan.Zero,
            QueueCapacity = 0,
        });

        Assert.Equal(
            [
                "Forecasting:Llm:DailySpendCapDollars -1 must not be negative (dollars).",
                "Forecasting:Llm:PricePerMillionOutputTokens -0.5 must not be negative (dollars).",
                "Forecasting:Llm:MaxOutputTokens 4 must be from 16 to 8192.",
                "Forecasting:Llm:Timeout 00:00:00 must be from 00:00:01 to 00:10:00.",
                "Forecasting:Llm:QueueCapacity 0 must be from 1 to 100000.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_EnabledWithAnFtpEndpoint_IsRefused() =>
        Assert.Equal(
            "Forecasting:Llm:Endpoint 'ftp://models.example/v1' must be an absolute http(s) URL, e.g. http://localhost:11434/v1 for Ollama or https://api.openai.com/v1.",
            Assert.Single(_validator.Validate(null, new LlmForecasterOptions { Enabled = true, Endpoint = new Uri("ftp://models.example/v1"), Model = "m" }).Failures!));
}
