using System.Globalization;
using System.Text.Json;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Accounts;
using KalshiDesk.Sandbox.Matching;
using Microsoft.AspNetCore.Http;

namespace KalshiDesk.Sandbox.Api;

/// <summary>
/// Reads a V2 create-order body (<c>CreateOrderV2Request</c>, OpenAPI 3.27.0) field by field, so a refusal names the
/// field at fault. Unknown fields are ignored, as Kalshi does.
/// </summary>
internal static class OrderRequestParser
{
    /// <summary>A generous ceiling: Kalshi caps exposure per market well below this.</summary>
    private const decimal MaxCount = 1_000_000m;

    public static (OrderCommand? Command, ApiError? Error) Parse(JsonElement body, DateTimeOffset now)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Fail(ApiError.InvalidParameter("body", "must be a JSON object"));
        }

        if (!RequiredString(body, "ticker", out var ticker, out var error))
        {
            return Fail(error);
        }

        string? clientOrderId = null;
        if (body.TryGetProperty("client_order_id", out var clientElement) && clientElement.ValueKind != JsonValueKind.Null)
        {
            if (clientElement.ValueKind != JsonValueKind.String)
            {
                return Fail(ApiError.InvalidParameter("client_order_id", "must be a string"));
            }

            clientOrderId = clientElement.GetString();
        }

        if (!RequiredString(body, "side", out var sideText, out error))
        {
            return Fail(error);
        }

        Side outcome;
        switch (sideText)
        {
            case "bid":
                outcome = Side.Yes;
                break;
            case "ask":
                outcome = Side.No;
                break;
            default:
                return Fail(ApiError.InvalidParameter("side", "must be bid or ask"));
        }

        if (!TryCount(body, out var count, out error) || !TryPrice(body, out var price, out error))
        {
            return Fail(error);
        }

        if (!RequiredString(body, "time_in_force", out var tifText, out error))
        {
            return Fail(error);
        }

        TimeInForce timeInForce;
        switch (tifText)
        {
            case "fill_or_kill":
                timeInForce = TimeInForce.FillOrKill;
                break;
            case "good_till_canceled":
                timeInForce = TimeInForce.GoodTillCanceled;
                break;
            case "immediate_or_cancel":
                timeInForce = TimeInForce.ImmediateOrCancel;
                break;
            default:
                return Fail(ApiError.InvalidParameter("time_in_force", "must be fill_or_kill, good_till_canceled or immediate_or_cancel"));
        }

        if (!RequiredString(body, "self_trade_prevention_type", out var stpText, out error))
        {
            return Fail(error);
        }

        SelfTradePrevention selfTradePrevention;
        switch (stpText)
        {
            case "taker_at_cross":
                selfTradePrevention = SelfTradePrevention.TakerAtCross;
                break;
            case "maker":
                selfTradePrevention = SelfTradePrevention.Maker;
                break;
            default:
                return Fail(ApiError.InvalidParameter("self_trade_prevention_type", "must be taker_at_cross or maker"));
        }

        if (!OptionalBool(body, "post_only", out var postOnly, out error) ||
            !OptionalBool(body, "reduce_only", out var reduceOnly, out error) ||
            !OptionalBool(body, "cancel_order_on_pause", out var cancelOnPause, out error))
        {
            return Fail(error);
        }

        DateTimeOffset? expiration = null;
        if (body.TryGetProperty("expiration_time", out var expiresElement) && expiresElement.ValueKind != JsonValueKind.Null)
        {
            if (expiresElement.ValueKind != JsonValueKind.Number || !expiresElement.TryGetInt64(out var seconds) || seconds <= 0)
            {
                return Fail(ApiError.InvalidParameter("expiration_time", "must be Unix seconds"));
            }

            if (timeInForce != TimeInForce.GoodTillCanceled)
            {
                return Fail(ApiError.InvalidParameter("expiration_time", "is only allowed with time_in_force good_till_canceled"));
            }

            expiration = DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253_402_300_799L));
            if (expiration <= now)
            {
                return Fail(ApiError.InvalidParameter("expiration_time", "is in the past"));
            }
        }

        if (!OptionalInt(body, "subaccount", out var subaccount, out error) || !OptionalInt(body, "exchange_index", out var exchangeIndex, out error))
        {
            return Fail(error);
        }

        if (subaccount is not (null or 0))
        {
            return Fail(ApiError.InvalidParameter("subaccount", "the Sandbox has only the primary subaccount, 0"));
        }

        if (exchangeIndex is not (null or 0 or -1))
        {
            return Fail(ApiError.InvalidParameter("exchange_index", "the Sandbox has only exchange index 0 (or -1 to auto-route)"));
        }

        string? orderGroupId = null;
        if (body.TryGetProperty("order_group_id", out var groupElement) && groupElement.ValueKind == JsonValueKind.String)
        {
            orderGroupId = groupElement.GetString();
        }

        var command = new OrderCommand(ticker, clientOrderId, outcome, price, count, timeInForce, selfTradePrevention)
        {
            PostOnly = postOnly,
            ReduceOnly = reduceOnly,
            ExpirationTime = expiration,
            CancelOrderOnPause = cancelOnPause,
            OrderGroupId = orderGroupId,
        };
        return (command, null);
    }

    /// <summary><c>count</c>: a FixedPointCount string ("10.00"; 0–2 decimals), more than zero.</summary>
    private static bool TryCount(JsonElement body, out Quantity count, out ApiError? error)
    {
        count = Quantity.Zero;
        if (!TryNumberText(body, "count", out var text, out error))
        {
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ||
            decimal.Round(value, 2) != value || value <= 0m || value > MaxCount)
        {
            error = ApiError.InvalidParameter("count", $"'{text}' is not a count of contracts (more than 0, at most two decimals)");
            return false;
        }

        count = Quantity.Of(value);
        return true;
    }

    /// <summary><c>price</c>: a FixedPointDollars YES price, strictly between 0 and 1, on the market's 1¢ tick (linear_cent).</summary>
    private static bool TryPrice(JsonElement body, out Price price, out ApiError? error)
    {
        price = Price.Zero;
        if (!TryNumberText(body, "price", out var text, out error))
        {
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0m || value >= 1m)
        {
            error = new ApiError(StatusCodes.Status400BadRequest, "invalid_price", $"price: '{text}' is not a price between 0.01 and 0.99 dollars", "price");
            return false;
        }

        if (decimal.Round(value, 2) != value)
        {
            error = new ApiError(StatusCodes.Status400BadRequest, "invalid_price", $"price: '{text}' is not on the market's 0.01 tick (linear_cent)", "price");
            return false;
        }

        price = Price.FromDollars(value);
        return true;
    }

    /// <summary>Kalshi sends these as strings; a bare JSON number is accepted too.</summary>
    private static bool TryNumberText(JsonElement body, string name, out string text, out ApiError? error)
    {
        text = string.Empty;
        error = null;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            error = ApiError.InvalidParameter(name, "is required");
            return false;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                text = element.GetString() ?? string.Empty;
                return true;
            case JsonValueKind.Number:
                text = element.GetRawText();
                return true;
            default:
                error = ApiError.InvalidParameter(name, "must be a string such as \"10.00\"");
                return false;
        }
    }

    private static bool RequiredString(JsonElement body, string name, out string value, out ApiError? error)
    {
        value = string.Empty;
        error = null;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            error = ApiError.InvalidParameter(name, "is required");
            return false;
        }

        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            error = ApiError.InvalidParameter(name, "must be a non-empty string");
            return false;
        }

        value = element.GetString()!;
        return true;
    }

    private static bool OptionalBool(JsonElement body, string name, out bool value, out ApiError? error)
    {
        value = false;
        error = null;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            error = ApiError.InvalidParameter(name, "must be true or false");
            return false;
        }

        value = element.GetBoolean();
        return true;
    }

    private static bool OptionalInt(JsonElement body, string name, out int? value, out ApiError? error)
    {
        value = null;
        error = null;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var number))
        {
            error = ApiError.InvalidParameter(name, "must be a whole number");
            return false;
        }

        value = number;
        return true;
    }

    private static (OrderCommand? Command, ApiError? Error) Fail(ApiError? error) => (null, error);
}
