using System.Text.Json;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>The commands (NOTES §4.2): subscribe, unsubscribe, update_subscription, list_subscriptions.</summary>
internal sealed partial class SandboxStreamHub
{
    private static readonly StreamFailure Unprocessable = new(StreamErrorCode.UnableToProcess, "Unable to process message");
    private static readonly StreamFailure ParamsRequired = new(StreamErrorCode.ParamsRequired, "Params required");

    /// <summary>Parses one text frame (outside the lock) and runs its command under the exchange's lock.</summary>
    private void HandleFrame(StreamConnection connection, ReadOnlyMemory<byte> frame)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException)
        {
            connection.Enqueue(OutboundMessage.Error(null, Unprocessable));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                connection.Enqueue(OutboundMessage.Error(null, Unprocessable));
                return;
            }

            long? id = null;
            if (root.TryGetProperty("id", out var idElement))
            {
                if (idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt64(out var parsed))
                {
                    connection.Enqueue(OutboundMessage.Error(null, new StreamFailure(StreamErrorCode.UnableToProcess, "id must be an integer")));
                    return;
                }

                id = parsed;
            }

            var cmd = root.TryGetProperty("cmd", out var cmdElement) && cmdElement.ValueKind == JsonValueKind.String ? cmdElement.GetString() : null;
            JsonElement? parameters = root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object ? p : null;
            _exchange.Inspect(() =>
            {
                var failure = cmd switch
                {
                    "subscribe" => Subscribe(connection, id, parameters),
                    "unsubscribe" => Unsubscribe(connection, id, parameters),
                    "update_subscription" => UpdateSubscription(connection, id, parameters),
                    "list_subscriptions" => ListSubscriptions(connection, id),
                    _ => new StreamFailure(StreamErrorCode.UnknownCommand, cmd is null ? "Unknown command: cmd is missing" : $"Unknown command: {cmd}"),
                };
                if (failure is not null)
                {
                    connection.Enqueue(OutboundMessage.Error(id, failure));
                }
            });
        }
    }

    private StreamFailure? Subscribe(StreamConnection connection, long? id, JsonElement? parameters)
    {
        if (parameters is not { } args)
        {
            return ParamsRequired;
        }

        if (!args.TryGetProperty("channels", out var channelList) || channelList.ValueKind != JsonValueKind.Array || channelList.GetArrayLength() == 0)
        {
            return new StreamFailure(StreamErrorCode.ChannelsRequired, "Channels required");
        }

        var channels = new List<string>();
        foreach (var element in channelList.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return new StreamFailure(StreamErrorCode.InvalidParameter, "channels must be strings");
            }

            var channel = element.GetString()!;
            if (!StreamChannel.IsServed(channel))
            {
                return new StreamFailure(StreamErrorCode.UnknownChannel, $"Unknown channel name: {channel}");
            }

            if (!channels.Contains(channel))
            {
                channels.Add(channel);
            }
        }

        if (ReadTickers(args, out var tickers) is { } badTickers)
        {
            return badTickers;
        }

        if (ReadFlag(args, "use_yes_price", out var useYesPrice) is { } badPricing)
        {
            return badPricing;
        }

        if (ReadFlag(args, "send_initial_snapshot", out var initialTickers) is { } badInitial)
        {
            return badInitial;
        }

        if (FindMarkets(tickers) is { } missing)
        {
            return missing;
        }

        foreach (var channel in channels)
        {
            // market_lifecycle_v2 does not take a market filter: it always covers every market.
            var markets = channel == StreamChannel.MarketLifecycle ? null : tickers;
            if (channel == StreamChannel.OrderbookDelta && markets is null)
            {
                return new StreamFailure(StreamErrorCode.MarketTickerRequired, "Market Ticker required: orderbook_delta needs market_ticker or market_tickers");
            }

            if (connection.Subscriptions.Values.Any(s => s.Channel == channel && Overlaps(s, markets)))
            {
                return new StreamFailure(StreamErrorCode.AlreadySubscribed, "Already subscribed");
            }
        }

        foreach (var channel in channels)
        {
            var markets = channel == StreamChannel.MarketLifecycle ? null : tickers;
            var subscription = new StreamSubscription(connection.NextSid(), channel, markets, useYesPrice, id);
            connection.Subscriptions.Add(subscription.Sid, subscription);
            connection.Enqueue(new OutboundMessage("subscribed", id, null, null, new StreamAckJson(channel, subscription.Sid), IsData: false));
            if (subscription.IsOrderBook)
            {
                SendSnapshots(connection, subscription, subscription.Markets!, track: true);
            }
            else if (channel == StreamChannel.Ticker)
            {
                StartTickers(connection, subscription, initialTickers);
            }
        }

        return null;
    }

    private StreamFailure? Unsubscribe(StreamConnection connection, long? id, JsonElement? parameters)
    {
        if (parameters is not { } args)
        {
            return ParamsRequired;
        }

        if (!args.TryGetProperty("sids", out var sidList) || sidList.ValueKind != JsonValueKind.Array || sidList.GetArrayLength() == 0)
        {
            return new StreamFailure(StreamErrorCode.SidsRequired, "Subscription IDs required");
        }

        var sids = new List<long>();
        foreach (var element in sidList.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var sid))
            {
                return new StreamFailure(StreamErrorCode.InvalidParameter, "sids must be integers");
            }

            sids.Add(sid);
        }

        // Each sid is answered on its own: the known ones end, an unknown one is an error that leaves the others alone.
        foreach (var sid in sids)
        {
            if (connection.Subscriptions.TryGetValue(sid, out var subscription))
            {
                var seq = subscription.NextSeq();
                Drop(connection, subscription);
                connection.Enqueue(new OutboundMessage("unsubscribed", id, sid, seq, null, IsData: false));
            }
            else
            {
                connection.Enqueue(OutboundMessage.Error(id, new StreamFailure(StreamErrorCode.UnknownSid, $"Unknown subscription ID: {sid}")));
            }
        }

        return null;
    }

    private StreamFailure? UpdateSubscription(StreamConnection connection, long? id, JsonElement? parameters)
    {
        if (parameters is not { } args)
        {
            return ParamsRequired;
        }

        long sid;
        if (args.TryGetProperty("sids", out var sidList))
        {
            if (sidList.ValueKind != JsonValueKind.Array || sidList.GetArrayLength() != 1)
            {
                return new StreamFailure(StreamErrorCode.ExactlyOneSid, "Exactly one subscription ID is required");
            }

            if (!sidList[0].TryGetInt64(out sid))
            {
                return new StreamFailure(StreamErrorCode.InvalidParameter, "sids must be integers");
            }
        }
        else if (args.TryGetProperty("sid", out var single))
        {
            if (single.ValueKind != JsonValueKind.Number || !single.TryGetInt64(out sid))
            {
                return new StreamFailure(StreamErrorCode.InvalidParameter, "sid must be an integer");
            }
        }
        else
        {
            return new StreamFailure(StreamErrorCode.ExactlyOneSid, "Exactly one subscription ID is required");
        }

        if (!args.TryGetProperty("action", out var actionElement))
        {
            return new StreamFailure(StreamErrorCode.ActionRequired, "Action required");
        }

        var action = actionElement.ValueKind == JsonValueKind.String ? actionElement.GetString() : null;
        if (action is not ("add_markets" or "delete_markets" or "get_snapshot"))
        {
            return new StreamFailure(StreamErrorCode.UnsupportedAction, $"Unsupported action: {actionElement.GetRawText()}");
        }

        if (!connection.Subscriptions.TryGetValue(sid, out var subscription))
        {
            return new StreamFailure(StreamErrorCode.UnknownSid, $"Unknown subscription ID: {sid}");
        }

        if (ReadTickers(args, out var tickers) is { } badTickers)
        {
            return badTickers;
        }

        if (FindMarkets(tickers) is { } missing)
        {
            return missing;
        }

        if (subscription.Markets is null)
        {
            return new StreamFailure(StreamErrorCode.UnsupportedAction, $"{action} is not supported on sid {sid}: it covers every market");
        }

        if (action == "get_snapshot")
        {
            if (!subscription.IsOrderBook)
            {
                return new StreamFailure(StreamErrorCode.UnsupportedAction, $"get_snapshot is only supported on orderbook_delta, not {subscription.Channel}");
            }

            tickers ??= [.. subscription.Markets];
            if (tickers.FirstOrDefault(t => !subscription.Covers(t)) is { } stranger)
            {
                return new StreamFailure(StreamErrorCode.InvalidParameter, $"market {stranger} is not in sid {sid}");
            }

            Acknowledge(connection, id, subscription);
            SendSnapshots(connection, subscription, tickers, track: false);
            return null;
        }

        if (tickers is null)
        {
            return new StreamFailure(StreamErrorCode.MarketTickerRequired, "Market Ticker required");
        }

        if (action == "add_markets")
        {
            var added = subscription.AddMarkets(tickers);
            Acknowledge(connection, id, subscription);
            if (subscription.IsOrderBook)
            {
                SendSnapshots(connection, subscription, added, track: true);
            }
        }
        else
        {
            var removed = subscription.RemoveMarkets(tickers);
            if (subscription.IsOrderBook)
            {
                foreach (var ticker in removed)
                {
                    _books.Release(ticker);
                }
            }

            Acknowledge(connection, id, subscription);
        }

        return null;
    }

    private StreamFailure? ListSubscriptions(StreamConnection connection, long? id)
    {
        var list = connection.Subscriptions.Values.OrderBy(s => s.Sid).Select(s => new StreamAckJson(s.Channel, s.Sid)).ToList();
        connection.Enqueue(new OutboundMessage("ok", id, null, null, list, IsData: false));
        return null;
    }

    private static void Acknowledge(StreamConnection connection, long? id, StreamSubscription subscription) =>
        connection.Enqueue(new OutboundMessage("ok", id, subscription.Sid, subscription.NextSeq(), new StreamMarketsJson([.. subscription.Markets!]), IsData: false));

    /// <summary>An <c>orderbook_snapshot</c> per market, each taking the sid's next seq; the deltas after it follow on.</summary>
    private void SendSnapshots(StreamConnection connection, StreamSubscription subscription, IEnumerable<string> tickers, bool track)
    {
        foreach (var ticker in tickers)
        {
            var market = _exchange.World.FindMarket(ticker)!;
            if (track)
            {
                _books.Track(market);
            }

            if (!Send(connection, subscription, "orderbook_snapshot", StreamMessages.Snapshot(market, subscription.UseYesPrice), sequenced: true))
            {
                return;
            }
        }
    }

    private void StartTickers(StreamConnection connection, StreamSubscription subscription, bool sendInitial)
    {
        _tickerSubscriptions++;
        var baseline = _tickers is null;
        _tickers ??= new Dictionary<string, TickerState>(StringComparer.Ordinal);
        var now = _exchange.Now;
        foreach (var market in _exchange.World.Markets)
        {
            if (baseline)
            {
                _tickers[market.Ticker] = TickerState.Of(market, _lastTradeSize.GetValueOrDefault(market.Ticker));
            }

            // send_initial_snapshot applies to the markets asked for, not to an all-markets subscription.
            if (sendInitial && subscription.Markets is not null && subscription.Covers(market.Ticker)
                && !Send(connection, subscription, "ticker", StreamMessages.Ticker(market, _tickers[market.Ticker], now), sequenced: false))
            {
                sendInitial = false;
            }
        }
    }

    private static bool Overlaps(StreamSubscription existing, List<string>? markets) =>
        existing.Markets is null || markets is null || markets.Any(existing.Covers);

    private StreamFailure? FindMarkets(List<string>? tickers)
    {
        foreach (var ticker in tickers ?? [])
        {
            if (_exchange.World.FindMarket(ticker) is null)
            {
                return new StreamFailure(StreamErrorCode.MarketNotFound, $"Market not found: {ticker}");
            }
        }

        return null;
    }

    /// <summary><c>market_ticker</c> or <c>market_tickers</c> (not both); null when neither names a market.</summary>
    private static StreamFailure? ReadTickers(JsonElement args, out List<string>? tickers)
    {
        tickers = null;
        var hasOne = args.TryGetProperty("market_ticker", out var one);
        var hasMany = args.TryGetProperty("market_tickers", out var many);
        if (hasOne && hasMany)
        {
            return new StreamFailure(StreamErrorCode.InvalidParameter, "market_ticker and market_tickers are mutually exclusive");
        }

        if (args.TryGetProperty("market_id", out _) || args.TryGetProperty("market_ids", out _))
        {
            return new StreamFailure(StreamErrorCode.InvalidParameter, "the Sandbox takes market_ticker or market_tickers, not market ids");
        }

        if (hasOne)
        {
            if (one.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(one.GetString()))
            {
                return new StreamFailure(StreamErrorCode.InvalidParameter, "market_ticker must be a non-empty string");
            }

            tickers = [one.GetString()!];
        }
        else if (hasMany)
        {
            if (many.ValueKind != JsonValueKind.Array || many.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(t.GetString())))
            {
                return new StreamFailure(StreamErrorCode.InvalidParameter, "market_tickers must be an array of non-empty strings");
            }

            tickers = [.. many.EnumerateArray().Select(t => t.GetString()!).Distinct(StringComparer.Ordinal)];
            if (tickers.Count == 0)
            {
                tickers = null;
            }
        }

        return null;
    }

    private static StreamFailure? ReadFlag(JsonElement args, string name, out bool value)
    {
        value = false;
        if (!args.TryGetProperty(name, out var element))
        {
            return null;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return new StreamFailure(StreamErrorCode.InvalidParameter, $"{name} must be true or false");
        }

        value = element.GetBoolean();
        return null;
    }
}
