using KalshiDesk.Domain.Markets;
using KalshiDesk.Engine.Forecasting.Llm;
using KalshiDesk.TestKit;
using KalshiDesk.TestKit.Builders;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Engine.Tests.Forecasting.Llm;

public class LlmForecasterTests
{
    private const string GoodAnswer = "{\"probability\": 0.37, \"confidence\": 0.6, \"reason\": \"Late-November highs in Central Park average the low 50s.\"}";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(MarketBuilder.Now);
    private readonly ListLogger<LlmForecaster> _log = new();
    private readonly FakeMarketTextSource _texts = new();

    [Fact]
    public async Task Forecast_AfterPrefetch_IsTheExactProbabilityTheModelGave()
    {
        var chat = new FakeChatClient(GoodAnswer);
        var model = Model(chat);
        var market = Market("KXHIGHNY-26NOV24-T60");

        await model.PrefetchAsync([market]);
        var forecast = model.Forecast(market, MarketBuilder.Now)!;

        Assert.Equal("llm", forecast.Model);
        Assert.Equal(0.37, forecast.ProbabilityYes.Value);
        Assert.Equal(0.6, forecast.Confidence);
        Assert.Equal(MarketBuilder.Now, forecast.DecisionTime);
        Assert.Equal("llama3.1:8b", forecast.Inputs["model"]);
        Assert.Equal(_texts.Find(market)!.RulesVersion, forecast.Inputs["rules_version"]);
        Assert.Equal("2026-11-23T15:00:00.0000000+00:00", forecast.Inputs["asked_at"]);
        Assert.Equal("Late-November highs in Central Park average the low 50s.", forecast.Inputs["reason"]);
    }

    [Fact]
    public async Task PrefetchAsync_AsksWithTheTitleAndRulesAndNotThePrice()
    {
        var chat = new FakeChatClient(GoodAnswer);

        await Model(chat).PrefetchAsync([new MarketBuilder().Quote(0.41m, 0.47m).Last(0.44m).Build()]);

        var (messages, options) = Assert.Single(chat.Requests);
        var user = messages[1].Text;
        Assert.Equal(ChatRole.System, messages[0].Role);
        Assert.Contains("Title: Will the high temperature in NYC be above 60°F on Nov 24, 2026?", user, StringComparison.Ordinal);
        Assert.Contains("Subtitle: Above 60°F", user, StringComparison.Ordinal);
        Assert.Contains("Rules: " + FakeMarketTextSource.Rules, user, StringComparison.Ordinal);
        Assert.Contains("Today is 2026-11-23 (UTC).", user, StringComparison.Ordinal);
        Assert.DoesNotContain("0.41", user, StringComparison.Ordinal);
        Assert.DoesNotContain("0.47", user, StringComparison.Ordinal);
        Assert.DoesNotContain("0.44", user, StringComparison.Ordinal);
        Assert.Equal("llama3.1:8b", options!.ModelId);
        Assert.Equal(0f, options.Temperature);
        Assert.Equal(200, options.MaxOutputTokens);
        Assert.Same(ChatResponseFormat.Json, options.ResponseFormat);
    }

    [Fact]
    public async Task Forecast_MalformedAnswer_IsNullAndLogsWhy()
    {
        var chat = new FakeChatClient("I'd say about 40%.");
        var model = Model(chat);
        var market = Market("KXHIGHNY-26NOV24-T60");

        await model.PrefetchAsync([market]);

        Assert.Null(model.Forecast(market, MarketBuilder.Now));
        Assert.Contains("KXHIGHNY-26NOV24-T60", _log.All, StringComparison.Ordinal);
        Assert.Contains("the answer is not JSON", _log.All, StringComparison.Ordinal);
        Assert.Contains("I'd say about 40%.", _log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefetchAsync_MalformedAnswer_IsNotPaidForTwice()
    {
        var chat = new FakeChatClient("{\"probability\": 1.4}");
        var model = Model(chat);
        var market = Market("KXHIGHNY-26NOV24-T60");

        await model.PrefetchAsync([market]);
        await model.PrefetchAsync([market]);
        model.Forecast(market, MarketBuilder.Now);

        Assert.Equal(1, chat.Calls);
        Assert.Contains("\"probability\" must be a number from 0 to 1, not 1.4", _log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefetchAsync_SameMarketAndRules_AsksOnce()
    {
        var chat = new FakeChatClient(GoodAnswer);
        var model = Model(chat);
        var market = Market("KXHIGHNY-26NOV24-T60");

        await model.PrefetchAsync([market, market]);
        await model.PrefetchAsync([market]);
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(model.Forecast(market, MarketBuilder.Now));
        }

        Assert.Equal(1, chat.Calls);
    }

    [Fact]
    public async Task PrefetchAsync_RulesChanged_AsksAgainAndForgetsTheOldAnswer()
    {
        var answers = new Queue<string>(["{\"probability\": 0.37}", "{\"probability\": 0.52}"]);
        var chat = new FakeChatClient((_, _) => Task.FromResult(FakeChatClient.Reply(answers.Dequeue())));
        var model = Model(chat);
        var market = Market("KXHIGHNY-26NOV24-T60");
        await model.PrefetchAsync([market]);

        _texts.Set(market.Ticker, FakeMarketTextSource.Rules + " Amended: readings from the NWS Daily Climate Report only.");
        Assert.Null(model.Forecast(market, MarketBuilder.Now));
        await model.PrefetchAsync([market]);

        Assert.Equal(2, chat.Calls);
        Assert.Equal(0.52, model.Forecast(market, MarketBuilder.Now)!.ProbabilityYes.Value);
    }

    [Fact]
    public async Task PrefetchAsync_PerCallPrice_StopsAtTheCapWithExactSpend()
    {
        // $0.01 a call and a $0.03 cap: three calls, then none; spent exactly $0.03.
        var chat = new FakeChatClient(GoodAnswer);
        var model = Model(chat, o => (o.PricePerCall, o.DailySpendCapDollars) = (0.01m, 0.03m));
        var markets = Enumerable.Range(1, 5).Select(i => Market($"KXHIGHNY-26NOV24-T{59 + i}")).ToList();

        await model.PrefetchAsync(markets);

        Assert.Equal(3, chat.Calls);
        Assert.Equal(0.03m, model.Spend.SpentToday);
        Assert.Equal(3, markets.Count(m => model.Forecast(m, MarketBuilder.Now) is not null));
        Assert.Contains("LLM daily spend cap of $0.03 reached ($0.03 spent today, UTC)", _log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefetchAsync_CallThatWouldPassTheCap_IsNotMade()
    {
        // $0.02 spent of $0.025: a third $0.01 call would end at $0.03, so it is refused before it is made.
        var chat = new FakeChatClient(GoodAnswer);
        var model = Model(chat, o => (o.PricePerCall, o.DailySpendCapDollars) = (0.01m, 0.025m));

        await model.PrefetchAsync(Enumerable.Range(1, 3).Select(i => Market($"KXHIGHNY-26NOV24-T{59 + i}")));

        Assert.Equal(2, chat.Calls);
        Assert.Equal(0.02m, model.Spend.SpentToday);
    }

    [Fact]
    public async Task PrefetchAsync_TokenPrices_ChargesTheReportedUsage()
    {
        // 1,200 in × $0.50/M + 300 out × $1.50/M + $0.001 = $0.0006 + $0.00045 + $0.001 = $0.00205 a call.
        var chat = new FakeChatClient(GoodAnswer, inputTokens: 1200, outputTokens: 300);
        var model = Model(chat, o => (o.PricePerMillionInputTokens, o.PricePerMillionOutputTokens, o.PricePerCall) = (0.50m, 1.50m, 0.001m));

        await model.PrefetchAsync([Market("KXHIGHNY-26NOV24-T60"), Market("KXHIGHNY-26NOV24-T61")]);

        Assert.Equal(0.0041m, model.Spend.SpentToday);
    }

    [Fact]
    public async Task PrefetchAsync_NoUsageReported_ChargesTheWorstCase()
    {
        var chat = new FakeChatClient((_, _) => Task.FromResult(FakeChatClient.Reply(GoodAnswer, null, null)));
        var model = Model(chat, o => (o.PricePerMillionInputTokens, o.PricePerMillionOutputTokens) = (1m, 2m));
        var market = Market("KXHIGHNY-26NOV24-T60");
        var promptTokens = LlmPrompt.MaxInputTokens(LlmPrompt.For(market, _texts.Find(market)!, MarketBuilder.Now));

        await model.PrefetchAsync([market]);

        // Prompt bytes bound its tokens; 200 is MaxOutputTokens.
        Assert.Equal((promptTokens * 1m / 1_000_000m) + (200 * 2m / 1_000_000m), model.Spend.SpentToday);
    }

    [Fact]
    public async Task PrefetchAsync_NextUtcDay_CallsResume()
    {
        var chat = new FakeChatClient(GoodAnswer);
        var model = Model(chat, o => (o.PricePerCall, o.DailySpendCapDollars) = (0.01m, 0.01m));
        await model.PrefetchAsync([Market("KXHIGHNY-26NOV24-T60"), Market("KXHIGHNY-26NOV24-T61")]);
        Assert.Equal(1, chat.Calls);

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        await model.PrefetchAsync([Market("KXHIGHNY-26NOV24-T61")]);

        Assert.Equal(2, chat.Calls);
        Assert.Equal(0.01m, model.Spend.SpentToday);
    }

    [Fact]
    public async Task Disabled_MakesNoCallAndNoForecast()
    {
        var chat = new FakeChatClient(GoodAnswer);
        var model = Model(chat, o => o.Enabled = false);
        var market = Market("KXHIGHNY-26NOV24-T60");
        using var refresher = new LlmRefresher(model, NullLogger<LlmRefresher>.Instance);
        await refresher.StartAsync(CancellationToken.None);

        await model.PrefetchAsync([market]);
        var forecast = model.Forecast(market, MarketBuilder.Now);
        await refresher.StopAsync(CancellationToken.None);

        Assert.Null(forecast);
        Assert.Equal(0, chat.Calls);
        Assert.Equal(0, model.CallsMade);
    }

    [Fact]
    public async Task Forecast_CacheMiss_ReturnsNullAndTheRefresherFetchesTheAnswerOnce()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chat = new FakeChatClient(async (_, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return FakeChatClient.Reply(GoodAnswer);
        });
        var model = Model(chat);
        var market = Market("KXHIGHNY-26NOV24-T60");
        using var refresher = new LlmRefresher(model, NullLogger<LlmRefresher>.Instance);
        await refresher.StartAsync(CancellationToken.None);

        Assert.Null(model.Forecast(market, MarketBuilder.Now));
        await Eventually.Until(() => chat.Calls == 1, Patience, "the refresher asks about the missed market");
        Assert.Null(model.Forecast(market, MarketBuilder.Now));
        Assert.Null(model.Forecast(market, MarketBuilder.Now));
        gate.SetResult();
        await Eventually.Until(() => model.Forecast(market, MarketBuilder.Now) is not null, Patience, "the answer reaches the cache");
        await refresher.StopAsync(CancellationToken.None);

        Assert.Equal(1, chat.Calls);
        Assert.Equal(0.37, model.Forecast(market, MarketBuilder.Now)!.ProbabilityYes.Value);
    }

    [Fact]
    public async Task Forecast_QueueFull_ForgetsTheMissAndQueuesItAgainNextTime()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chat = new FakeChatClient(async (_, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return FakeChatClient.Reply(GoodAnswer);
        });
        var model = Model(chat, o => o.QueueCapacity = 1);
        var (first, second, third) = (Market("KXHIGHNY-26NOV24-T60"), Market("KXHIGHNY-26NOV24-T61"), Market("KXHIGHNY-26NOV24-T62"));
        using var refresher = new LlmRefresher(model, NullLogger<LlmRefresher>.Instance);
        await refresher.StartAsync(CancellationToken.None);

        model.Forecast(first, MarketBuilder.Now);
        await Eventually.Until(() => chat.Calls == 1, Patience, "the refresher takes the first market");
        model.Forecast(second, MarketBuilder.Now);
        model.Forecast(third, MarketBuilder.Now);
        gate.SetResult();
        await Eventually.Until(() => model.Forecast(second, MarketBuilder.Now) is not null, Patience, "the queued market is answered");
        await Eventually.Until(() => model.Forecast(third, MarketBuilder.Now) is not null, Patience, "the dropped market is queued again and answered");
        await refresher.StopAsync(CancellationToken.None);

        Assert.Equal(3, chat.Calls);
    }

    [Fact]
    public async Task Forecast_AnswerGivenAfterTheDecisionTime_IsNull()
    {
        var model = Model(new FakeChatClient(GoodAnswer));
        var market = Market("KXHIGHNY-26NOV24-T60");

        await model.PrefetchAsync([market]);

        Assert.Null(model.Forecast(market, MarketBuilder.Now.AddMinutes(-1)));
    }

    [Fact]
    public async Task Forecast_CertainAnswer_IsHeldOffCertainty()
    {
        var model = Model(new FakeChatClient("{\"probability\": 1, \"confidence\": 1}"));
        var market = Market("KXHIGHNY-26NOV24-T60");

        await model.PrefetchAsync([market]);
        var forecast = model.Forecast(market, MarketBuilder.Now)!;

        Assert.Equal(0.99, forecast.ProbabilityYes.Value);
        Assert.Equal("1.0000", forecast.Inputs["stated_probability"]);
    }

    [Fact]
    public async Task PrefetchAsync_CallFails_IsChargedItsWorstCaseAndAskedAgain()
    {
        var failures = 1;
        var chat = new FakeChatClient((_, _) => failures-- > 0
            ? throw new HttpRequestException("502 Bad Gateway")
            : Task.FromResult(FakeChatClient.Reply(GoodAnswer)));
        var model = Model(chat, o => o.PricePerCall = 0.01m);
        var market = Market("KXHIGHNY-26NOV24-T60");

        await model.PrefetchAsync([market]);
        Assert.Null(model.Forecast(market, MarketBuilder.Now));
        await model.PrefetchAsync([market]);

        Assert.Equal(2, chat.Calls);
        Assert.Equal(0.02m, model.Spend.SpentToday);
        Assert.NotNull(model.Forecast(market, MarketBuilder.Now));
        Assert.Contains("LLM call for KXHIGHNY-26NOV24-T60 failed; it will be asked again next cycle: 502 Bad Gateway", _log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefetchAsync_NoAnswerWithinTheTimeout_GivesUpWithoutThrowing()
    {
        var chat = new FakeChatClient(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeChatClient.Reply(GoodAnswer);
        });
        var model = Model(chat);
        var market = Market("KXHIGHNY-26NOV24-T60");

        var prefetch = model.PrefetchAsync([market]);
        await Eventually.Until(() => chat.Calls == 1, Patience, "the call starts");
        _time.Advance(TimeSpan.FromSeconds(30));
        await prefetch.WaitAsync(Patience);

        Assert.Null(model.Forecast(market, MarketBuilder.Now));
        Assert.Contains("no answer within 00:00:30", _log.All, StringComparison.Ordinal);
    }

    private static MarketSnapshot Market(string ticker) => new MarketBuilder().Ticker(ticker).Build();

    private LlmForecaster Model(FakeChatClient chat, Action<LlmForecasterOptions>? configure = null)
    {
        var options = new LlmForecasterOptions { Enabled = true, Endpoint = new Uri("http://localhost:11434/v1"), Model = "llama3.1:8b" };
        configure?.Invoke(options);
        return new LlmForecaster(chat, _texts, Options.Create(options), _time, _log);
    }
}
