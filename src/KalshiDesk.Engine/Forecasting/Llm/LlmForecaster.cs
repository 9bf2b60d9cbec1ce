using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>
/// A language model's reading of a market's title and rules, through any <see cref="IChatClient"/>.
/// <para>
/// <see cref="Forecast"/> never touches the network: it answers from a cache kept per (ticker, rules version). A miss
/// queues the market and returns null; <see cref="RefreshQueuedAsync"/> (run by <see cref="LlmRefresher"/> in the
/// background) asks the model, so the answer is there the next cycle. <see cref="PrefetchAsync"/> asks for a batch and
/// waits, for one-shot runs (the CLI, a job) that can afford to.
/// </para>
/// <para>
/// Each wording of a market is asked once per process: a bad answer is remembered too, so a model that will not answer
/// a question is not paid to refuse it every cycle. Failed calls (timeout, HTTP error) are not remembered and are asked
/// again. Every call is held to the daily spend cap of <see cref="LlmSpendLedger"/>.
/// </para>
/// </summary>
public sealed class LlmForecaster : IForecaster
{
    public const string ModelName = "llm";

    /// <summary>Never certainty, as for every model: a 1¢ floor and ceiling keep logits and Kelly finite.</summary>
    private const double Floor = 0.01;

    private readonly IChatClient _chat;
    private readonly IMarketTextSource _texts;
    private readonly LlmForecasterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LlmForecaster> _logger;
    private readonly ConcurrentDictionary<string, CachedAnswer> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Ticker, string RulesVersion), byte> _queued = new();

    // The background refresher and a PrefetchAsync may reach the same market at once; only one of them asks.
    private readonly ConcurrentDictionary<(string Ticker, string RulesVersion), byte> _asking = new();
    private readonly Channel<(MarketSnapshot Market, MarketText Text)> _queue;
    private DateOnly _capLoggedOn;
    private int _callsMade;

    public LlmForecaster(IChatClient chat, IMarketTextSource texts, IOptions<LlmForecasterOptions> options, TimeProvider time, ILogger<LlmForecaster> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _chat = chat ?? throw new ArgumentNullException(nameof(chat));
        _texts = texts ?? throw new ArgumentNullException(nameof(texts));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Spend = new LlmSpendLedger(time, _options.DailySpendCapDollars);
        _queue = Channel.CreateBounded<(MarketSnapshot, MarketText)>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            // Wait, not DropWrite: with Wait a full queue makes TryWrite return false, so the miss is forgotten and
            // asked again next cycle; DropWrite reports success and the market would never be queued again.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public string Name => ModelName;

    /// <summary>Today's spend against the cap.</summary>
    public LlmSpendLedger Spend { get; }

    /// <summary>Calls made to the model since start, answered or not.</summary>
    public int CallsMade => _callsMade;

    public Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (!_options.Enabled || _texts.Find(market) is not { } text)
        {
            return null;
        }

        if (!_cache.TryGetValue(market.Ticker, out var cached) || cached.RulesVersion != text.RulesVersion)
        {
            Enqueue(market, text);
            return null;
        }

        // An answer given after the decision time could know what the decision could not (a replay, a backtest).
        if (cached.Answer is not { } answer || cached.AskedAt > decisionTime)
        {
            return null;
        }

        var p = Math.Clamp(answer.ProbabilityYes.Value, Floor, 1 - Floor);
        var inputs = new Dictionary<string, string>
        {
            ["model"] = _options.Model ?? string.Empty,
            ["rules_version"] = cached.RulesVersion,
            ["asked_at"] = cached.AskedAt.ToString("O", CultureInfo.InvariantCulture),
            ["stated_probability"] = answer.ProbabilityYes.ToString(),
            ["reason"] = answer.Reason,
        };
        return new Forecast(Name, Probability.Of(p), answer.Confidence, decisionTime, inputs);
    }

    /// <summary>Asks the model about every market in <paramref name="markets"/> not already answered, one at a time, and waits.</summary>
    public async Task PrefetchAsync(IEnumerable<MarketSnapshot> markets, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(markets);
        if (!_options.Enabled)
        {
            return;
        }

        foreach (var market in markets)
        {
            if (_texts.Find(market) is { } text)
            {
                await AskAsync(market, text, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Asks the model about queued markets until <paramref name="ct"/> is cancelled.</summary>
    public async Task RefreshQueuedAsync(CancellationToken ct)
    {
        await foreach (var (market, text) in _queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            try
            {
                await AskAsync(market, text, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // One market's surprise must not stop the refresher for every other market.
                LlmForecasterLog.CallFailed(_logger, market.Ticker, ex.Message);
            }
            finally
            {
                _queued.TryRemove((market.Ticker, text.RulesVersion), out _);
            }
        }
    }

    private void Enqueue(MarketSnapshot market, MarketText text)
    {
        if (_queued.TryAdd((market.Ticker, text.RulesVersion), 0) && !_queue.Writer.TryWrite((market, text)))
        {
            // The queue is full: forget it, and the next cycle's miss queues it again.
            _queued.TryRemove((market.Ticker, text.RulesVersion), out _);
        }
    }

    private async Task AskAsync(MarketSnapshot market, MarketText text, CancellationToken ct)
    {
        var key = (market.Ticker, text.RulesVersion);
        if ((_cache.TryGetValue(market.Ticker, out var cached) && cached.RulesVersion == text.RulesVersion) || !_asking.TryAdd(key, 0))
        {
            return;
        }

        try
        {
            await AskOnceAsync(market, text, ct).ConfigureAwait(false);
        }
        finally
        {
            _asking.TryRemove(key, out _);
        }
    }

    private async Task AskOnceAsync(MarketSnapshot market, MarketText text, CancellationToken ct)
    {
        var askedAt = _time.GetUtcNow();
        var messages = LlmPrompt.For(market, text, askedAt);
        var worstCase = Cost(LlmPrompt.MaxInputTokens(messages), _options.MaxOutputTokens);
        if (!Spend.TryReserve(worstCase, out var reservation))
        {
            var today = DateOnly.FromDateTime(askedAt.UtcDateTime);
            if (_capLoggedOn != today)
            {
                _capLoggedOn = today;
                LlmForecasterLog.CapReached(_logger, Spend.CapDollars, Spend.SpentToday);
            }

            return;
        }

        ChatResponse response;
        using (var timeout = new CancellationTokenSource(_options.Timeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token))
        {
            try
            {
                Interlocked.Increment(ref _callsMade);
                var chatOptions = new ChatOptions
                {
                    ModelId = _options.Model,
                    Temperature = 0,
                    MaxOutputTokens = _options.MaxOutputTokens,
                    ResponseFormat = ChatResponseFormat.Json,
                };
                response = await _chat.GetResponseAsync(messages, chatOptions, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Whether the provider billed a call that failed is unknown, so it is charged its worst case.
                Spend.Settle(reservation, worstCase);
                LlmForecasterLog.CallFailed(_logger, market.Ticker, timeout.IsCancellationRequested ? $"no answer within {_options.Timeout}" : ex.Message);
                return;
            }
            catch (OperationCanceledException)
            {
                Spend.Settle(reservation, worstCase);
                throw;
            }
        }

        var cost = response.Usage is { InputTokenCount: { } input, OutputTokenCount: { } output } ? Cost(input, output) : worstCase;
        Spend.Settle(reservation, cost);
        if (LlmAnswerParser.TryParse(response.Text, out var answer, out var failure))
        {
            _cache[market.Ticker] = new CachedAnswer(text.RulesVersion, askedAt, answer);
            LlmForecasterLog.Answered(_logger, market.Ticker, text.RulesVersion, answer.ProbabilityYes.Value, cost);
        }
        else
        {
            _cache[market.Ticker] = new CachedAnswer(text.RulesVersion, askedAt, null);
            LlmForecasterLog.AnswerRefused(_logger, market.Ticker, text.RulesVersion, failure);
        }
    }

    private decimal Cost(long inputTokens, long outputTokens) =>
        _options.PricePerCall
        + (inputTokens * _options.PricePerMillionInputTokens / 1_000_000m)
        + (outputTokens * _options.PricePerMillionOutputTokens / 1_000_000m);

    /// <param name="Answer">Null when the model's answer was refused: remembered so it is not paid for again.</param>
    private sealed record CachedAnswer(string RulesVersion, DateTimeOffset AskedAt, LlmAnswer? Answer);
}
