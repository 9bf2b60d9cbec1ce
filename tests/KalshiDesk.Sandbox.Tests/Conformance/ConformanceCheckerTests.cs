using System.Text.Json;
using System.Text.Json.Nodes;

namespace KalshiDesk.Sandbox.Tests.Conformance;

/// <summary>The checker itself, on hand-built JSON: it must pass Kalshi's own shapes and name every flaw by its path.</summary>
public sealed class ConformanceCheckerTests
{
    /// <summary>A Market as Kalshi sent it (shared/kalshi/NOTES.md, live capture, trimmed to the required fields and a few optional ones).</summary>
    private const string KalshiMarket = """
        {"ticker":"KXSPACEXSTARSHIP-12-26MAY19","event_ticker":"KXSPACEXSTARSHIP-12","market_type":"binary",
         "title":"Will SpaceX launch another Starship by May 19, 2026?","subtitle":"By May 19, 2026",
         "yes_sub_title":"Before May 20","no_sub_title":"Before May 20",
         "created_time":"2026-05-13T02:27:13.611094Z","updated_time":"2026-05-13T02:30:00.984498Z","open_time":"2026-05-13T02:30:00Z",
         "close_time":"2026-05-20T03:59:00Z","expected_expiration_time":"2026-05-20T14:00:00Z","latest_expiration_time":"2026-05-26T14:00:00Z",
         "settlement_timer_seconds":3600,"status":"active",
         "yes_bid_dollars":"0.6000","yes_bid_size_fp":"10.67","yes_ask_dollars":"0.6700","yes_ask_size_fp":"25.00",
         "no_bid_dollars":"0.3300","no_ask_dollars":"0.4000","last_price_dollars":"0.6000",
         "previous_yes_bid_dollars":"0.0000","previous_yes_ask_dollars":"0.0000","previous_price_dollars":"0.0000",
         "volume_fp":"4918.41","volume_24h_fp":"4918.41","open_interest_fp":"3877.56","notional_value_dollars":"1.0000",
         "liquidity_dollars":"0.0000","result":"","can_close_early":true,"expiration_value":"","strike_type":"structured",
         "rules_primary":"If SpaceX launches Starship flight test number 12 before May 20, 2026, then the market resolves to Yes.",
         "rules_secondary":"...","price_level_structure":"linear_cent",
         "price_ranges":[{"end":"1.0000","start":"0.0000","step":"0.0100"}],
         "fractional_trading_enabled":true,"response_price_units":"usd_cent"}
        """;

    private static readonly WireConformanceChecker Checker = WireConformanceChecker.Default;

    [Fact]
    public void RequiredFieldsList_CoversTheSandboxSchemasAndKalshisFixedPointFormats()
    {
        var list = KalshiRequiredFields.Default;

        Assert.Equal("3.27.0", list.Spec.Version);
        foreach (var schema in new[] { "Market", "Order", "Fill", "MarketPosition", "EventPosition", "Settlement", "GetMarketsResponse", "GetMarketResponse", "GetOrdersResponse", "GetOrderResponse", "GetFillsResponse", "GetPositionsResponse", "GetSettlementsResponse", "CreateOrderV2Response", "CancelOrderV2Response" })
        {
            Assert.Contains(list.Schema(schema).Fields, f => f.Required);
        }

        Assert.Equal((4, 2), (list.Formats["fixed-point-dollars"].Decimals, list.Formats["fixed-point-count"].Decimals));
        Assert.Equal("CreateOrderV2Response", list.ResponseSchema("POST", "/portfolio/events/orders", 201));
        var status = list.Schema("Market").Fields.Single(f => f.Name == "status");
        Assert.Equal(["initialized", "inactive", "active", "closed", "determined", "disputed", "amended", "finalized"], status.Enum);
        Assert.True(list.Schema("Order").Fields.Single(f => f.Name == "expiration_time").Nullable);
    }

    [Fact]
    public void Check_KalshisOwnMarket_Conforms_AndItsExtraFieldsAreNotedNotFaulted()
    {
        var report = Checker.Check(Page(JsonNode.Parse(KalshiMarket)!), "GetMarketsResponse");

        Assert.True(report.Conforms, WireConformance.Describe(report, "GetMarketsResponse"));
        Assert.Equal(["$.markets[0].fractional_trading_enabled", "$.markets[0].response_price_units"], report.UndocumentedFields);
    }

    [Fact]
    public void Check_ABrokenMarketPage_ReportsEveryViolationWithItsPath()
    {
        var market = JsonNode.Parse(KalshiMarket)!.AsObject();
        market.Remove("status");                                        // required, missing
        market["yes_bid_dollars"] = "0.60";                             // dollars with 2 decimals, not 4
        market["volume_fp"] = "4918";                                   // count with no decimals
        market["open_interest_fp"] = 3877.56;                           // a number, not a string
        market["created_time"] = "2026-13-13T02:27:13Z";                // no month 13
        market["close_time"] = "May 20, 2026";                          // not RFC 3339
        market["market_type"] = "binary_option";                        // not in the enum
        market["can_close_early"] = "true";                             // a string, not a boolean
        market["settlement_timer_seconds"] = 3600.5;                    // not an integer
        market["ticker"] = null;                                        // not nullable
        market["expected_expiration_time"] = null;                      // nullable: fine
        market["floor_strike"] = 4487;                                  // optional number: fine
        market["price_ranges"]![0]!.AsObject().Remove("step");          // required in PriceRange
        var page = new JsonObject { ["markets"] = new JsonArray(market) }; // no cursor

        var report = Checker.Check(ToElement(page), "GetMarketsResponse");

        Assert.Equal(
            new[]
            {
                "$.cursor",
                "$.markets[0].can_close_early",
                "$.markets[0].close_time",
                "$.markets[0].created_time",
                "$.markets[0].market_type",
                "$.markets[0].open_interest_fp",
                "$.markets[0].price_ranges[0].step",
                "$.markets[0].settlement_timer_seconds",
                "$.markets[0].status",
                "$.markets[0].ticker",
                "$.markets[0].volume_fp",
                "$.markets[0].yes_bid_dollars",
            },
            report.Violations.Select(v => v.Path).Order(StringComparer.Ordinal));
        Assert.Contains("missing", Violation(report, "$.markets[0].status"), StringComparison.Ordinal);
        Assert.Contains("exactly 4 decimals", Violation(report, "$.markets[0].yes_bid_dollars"), StringComparison.Ordinal);
        Assert.Contains("exactly 2 decimals", Violation(report, "$.markets[0].volume_fp"), StringComparison.Ordinal);
        Assert.Contains("not nullable", Violation(report, "$.markets[0].ticker"), StringComparison.Ordinal);
        Assert.Contains("\"binary_option\" is not one of", Violation(report, "$.markets[0].market_type"), StringComparison.Ordinal);
        Assert.Contains("RFC 3339", Violation(report, "$.markets[0].created_time"), StringComparison.Ordinal);
    }

    [Fact]
    public void AssertConforms_AnOrderWithSubpennyDigitsAndNoStatus_FailsNamingBoth()
    {
        var order = JsonNode.Parse("""
            {"order_id":"o-1","user_id":"u","client_order_id":"","ticker":"T","outcome_side":"yes","book_side":"bid","type":"limit",
             "yes_price_dollars":"0.560000","no_price_dollars":"0.4400","fill_count_fp":"0.00","remaining_count_fp":"1.00",
             "initial_count_fp":"1.00","taker_fees_dollars":"0.0000","maker_fees_dollars":"0.0000","taker_fill_cost_dollars":"0.0000",
             "maker_fill_cost_dollars":"0.0000","expiration_time":null,"order_group_id":null,"self_trade_prevention_type":"taker_at_cross"}
            """)!;

        var failure = Assert.ThrowsAny<Exception>(() => WireConformance.AssertConforms(ToElement(new JsonObject { ["order"] = order }), "GetOrderResponse"));

        Assert.Contains("2 violation(s)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("$.order.status: required field of Order is missing", failure.Message, StringComparison.Ordinal);
        Assert.Contains("$.order.yes_price_dollars: \"0.560000\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertSettlementsConform_ASettlementWithoutRevenueOrWithABadResult_FailsAtTheItem()
    {
        var body = JsonNode.Parse("""
            {"settlements":[
              {"ticker":"T-1","event_ticker":"T","market_result":"yes","yes_count_fp":"10.00","yes_total_cost_dollars":"5.6000",
               "no_count_fp":"0.00","no_total_cost_dollars":"0.0000","revenue":1000,"settled_time":"2026-11-24T05:00:00Z","fee_cost":"0.3400","value":100},
              {"ticker":"T-2","event_ticker":"T","market_result":"void","yes_count_fp":"1.00","yes_total_cost_dollars":"0.5000",
               "no_count_fp":"0.00","no_total_cost_dollars":"0.0000","settled_time":"2026-11-24T05:00:00Z","fee_cost":"0.02"}],
             "cursor":""}
            """)!;

        var failure = Assert.ThrowsAny<Exception>(() => WireConformance.AssertSettlementsConform(ToElement(body)));

        Assert.Contains("$.settlements[1].revenue: required field of Settlement is missing", failure.Message, StringComparison.Ordinal);
        Assert.Contains("$.settlements[1].market_result", failure.Message, StringComparison.Ordinal);
        Assert.Contains("$.settlements[1].fee_cost", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("$.settlements[0]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertSettlementsConform_AWellFormedSettlement_CountsIt()
    {
        var body = JsonNode.Parse("""
            {"settlements":[{"ticker":"T-1","event_ticker":"T","market_result":"no","yes_count_fp":"0.00","yes_total_cost_dollars":"0.0000",
              "no_count_fp":"2.50","no_total_cost_dollars":"1.1000","revenue":250,"settled_time":"2026-11-24T05:00:00.25Z","fee_cost":"0.0400","value":null}]}
            """)!;

        Assert.Equal(1, WireConformance.AssertSettlementsConform(ToElement(body)));
    }

    [Fact]
    public void AssertResponseConforms_ASuccessStatusTheSpecDoesNotGive_Fails()
    {
        var body = ToElement(JsonNode.Parse("""{"order_id":"o-1","fill_count":"0.00","remaining_count":"1.00","ts_ms":1}""")!);

        WireConformance.AssertResponseConforms("POST", "/portfolio/events/orders", 201, body);
        Assert.ThrowsAny<Exception>(() => WireConformance.AssertResponseConforms("POST", "/portfolio/events/orders", 200, body));
    }

    private static string Violation(ConformanceReport report, string path) => Assert.Single(report.Violations, v => v.Path == path).Message;

    private static JsonElement Page(JsonNode market) => ToElement(new JsonObject { ["markets"] = new JsonArray(market), ["cursor"] = string.Empty });

    private static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
