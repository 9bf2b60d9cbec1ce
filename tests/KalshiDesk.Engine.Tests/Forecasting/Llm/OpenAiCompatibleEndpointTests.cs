using KalshiDesk.Engine.Forecasting.Llm;
using KalshiDesk.TestKit.Builders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Engine.Tests.Forecasting.Llm;

/// <summary>The real OpenAI adapter against a loopback server that answers as Ollama's /v1/chat/completions does.</summary>
public sealed class OpenAiCompatibleEndpointTests : IAsyncDisposable
{
    private const string Completion =
        """
        {"id":"chatcmpl-7","object":"chat.completion","created":1795446000,"model":"llama3.1:8b",
         "choices":[{"index":0,"message":{"role":"assistant","content":"{\"probability\": 0.42, \"confidence\": 0.3, \"reason\": \"Near the seasonal normal.\"}"},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":151,"completion_tokens":12,"total_tokens":163}}
        """;

    private WebApplication? _server;
    private string _path = string.Empty;
    private string _authorization = string.Empty;
    private string _body = string.Empty;

    [Fact]
    public async Task PrefetchAsync_ThroughTheOpenAiAdapter_ReadsTheAnswerAndChargesItsUsage()
    {
        var endpoint = await StartAsync();
        var options = new LlmForecasterOptions
        {
            Enabled = true,
            Endpoint = endpoint,
            Model = "llama3.1:8b",
            PricePerMillionInputTokens = 0.15m,
            PricePerMillionOutputTokens = 0.60m,
        };
        using var chat = LlmServiceCollectionExtensions.CreateChatClient(options);
        var model = new LlmForecaster(chat, new SnapshotMarketTextSource(), Options.Create(options), new FakeTimeProvider(MarketBuilder.Now), new ListLogger<LlmForecaster>());
        var market = new MarketBuilder().Build();

        await model.PrefetchAsync([market]);
        var forecast = model.Forecast(market, MarketBuilder.Now)!;

        Assert.Equal("/v1/chat/completions", _path);
        Assert.Equal("Bearer none", _authorization);
        Assert.Contains("\"model\":\"llama3.1:8b\"", _body, StringComparison.Ordinal);
        Assert.Contains("\"response_format\":{\"type\":\"json_object\"}", _body, StringComparison.Ordinal);
        Assert.Equal(0.42, forecast.ProbabilityYes.Value);
        Assert.Equal(0.3, forecast.Confidence);

        // 151 × $0.15/M + 12 × $0.60/M = $0.00002265 + $0.0000072
        Assert.Equal(0.00002985m, model.Spend.SpentToday);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<Uri> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.Run(async context =>
        {
            _path = context.Request.Path;
            _authorization = context.Request.Headers.Authorization.ToString();
            using var reader = new StreamReader(context.Request.Body);
            _body = await reader.ReadToEndAsync();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Completion);
        });
        await _server.StartAsync();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address + "/v1");
    }
}
