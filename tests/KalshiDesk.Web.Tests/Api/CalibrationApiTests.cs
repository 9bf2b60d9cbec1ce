using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Engine.Scoring;
using Microsoft.Extensions.DependencyInjection;
using static KalshiDesk.Web.Tests.SettledForecasts;

namespace KalshiDesk.Web.Tests.Api;

/// <summary>
/// <c>GET /api/calibration</c> on four settled markets whose scores are worked out by hand. Desk 0.8/0.3/0.6/0.1 and
/// market 0.7/0.4/0.5/0.2 on outcomes yes/no/no/no; each forecast lands alone in its bin of ten, so reliability equals
/// the Brier score and the Murphy terms are the textbook ones.
/// </summary>
public sealed class CalibrationApiTests(DeskApp desk) : IClassFixture<DeskApp>
{
    private const int Digits = 12;

    // z for a two-sided 95% interval: a bin of one forecast has the Wilson interval [0, z²/(1+z²)] or [1/(1+z²), 1].
    private const double Z = 1.959963984540054;
    private static readonly double WilsonOne = Z * Z / (1 + (Z * Z));

    private static readonly DateTimeOffset Day1 = new(2026, 3, 10, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day2 = Day1.AddDays(1);

    [Fact]
    public async Task Calibration_AfterFourSettledMarkets_ReportsTheScoresWorkedOutByHand()
    {
        await SaveAsync(desk.Services,
        [
            // An early forecast of the first market, superseded by its last one before the close: scored, not counted per market.
            Forecast("KXCALTEST-A", "weather", Day1, TimeSpan.FromDays(2), Day1.AddMinutes(6), 0.5, 0.5, 0.5, true, ("alpha", 0.5), ("beta", 0.5)),
            Forecast("KXCALTEST-A", "weather", Day1, TimeSpan.FromHours(3), Day1.AddMinutes(6), 0.7, 0.75, 0.8, true, ("alpha", 0.8), ("beta", 0.6)),
            Forecast("KXCALTEST-B", "weather", Day1, TimeSpan.FromHours(3), Day1.AddMinutes(7), 0.4, 0.35, 0.3, false, ("alpha", 0.3), ("beta", 0.5)),
            Forecast("KXCALTEST-C", "weather", Day2, TimeSpan.FromHours(3), Day2.AddMinutes(6), 0.5, 0.55, 0.6, false, ("alpha", 0.6), ("beta", 0.5)),
            Forecast("KXCALTEST-D", "crypto", Day2, TimeSpan.FromMinutes(30), Day2.AddMinutes(7), 0.2, 0.15, 0.1, false, ("alpha", 0.1), ("beta", 0.3)),
        ]);
        await desk.Services.GetRequiredService<CalibrationLearner>().RefreshAsync();

        var body = await desk.Client().GetFromJsonAsync<JsonElement>("/api/calibration");

        Assert.Equal(4, body.GetProperty("settledMarkets").GetInt32());
        Assert.Equal(5, body.GetProperty("scoredForecasts").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, body.GetProperty("updatedAt").ValueKind);

        // Desk: (0.2² + 0.3² + 0.6² + 0.1²) / 4 = (0.04 + 0.09 + 0.36 + 0.01) / 4.
        var deskScores = body.GetProperty("desk");
        Assert.Equal(4, deskScores.GetProperty("count").GetInt32());
        Assert.Equal(0.125, deskScores.GetProperty("brier").GetDouble(), Digits);
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.7) + Math.Log(0.4) + Math.Log(0.9)) / 4, deskScores.GetProperty("logLoss").GetDouble(), Digits);
        Assert.Equal(0.125, deskScores.GetProperty("reliability").GetDouble(), Digits);

        // Base rate 1/4: resolution = (1·0.75² + 3·0.25²) / 4 = 0.1875 = uncertainty 0.25·0.75.
        Assert.Equal(0.1875, deskScores.GetProperty("resolution").GetDouble(), Digits);
        Assert.Equal(0.1875, deskScores.GetProperty("uncertainty").GetDouble(), Digits);
        Assert.Equal((0.2 + 0.3 + 0.6 + 0.1) / 4, deskScores.GetProperty("ece").GetDouble(), Digits);
        Assert.Equal(0.135, deskScores.GetProperty("baselineBrier").GetDouble(), Digits);
        Assert.Equal(1 - (0.125 / 0.135), deskScores.GetProperty("brierSkill").GetDouble(), Digits);
        var bins = deskScores.GetProperty("bins").EnumerateArray().ToList();
        Assert.Equal([0.1, 0.3, 0.6, 0.8], bins.Select(b => Math.Round(b.GetProperty("meanForecast").GetDouble(), Digits)));
        Assert.Equal([0d, 0d, 0d, 1d], bins.Select(b => b.GetProperty("observedFrequency").GetDouble()));
        Assert.All(bins, b => Assert.Equal(1, b.GetProperty("count").GetInt32()));
        var top = bins[^1];
        Assert.Equal((0.8, 0.9), (top.GetProperty("low").GetDouble(), top.GetProperty("high").GetDouble()));
        Assert.Equal(1 - WilsonOne, top.GetProperty("ciLow").GetDouble(), Digits);
        Assert.Equal(1, top.GetProperty("ciHigh").GetDouble(), Digits);
        Assert.Equal(0, bins[0].GetProperty("ciLow").GetDouble(), Digits);
        Assert.Equal(WilsonOne, bins[0].GetProperty("ciHigh").GetDouble(), Digits);

        // Market: (0.3² + 0.4² + 0.5² + 0.2²) / 4 = (0.09 + 0.16 + 0.25 + 0.04) / 4; no baseline of its own.
        var market = body.GetProperty("market");
        Assert.Equal(0.135, market.GetProperty("brier").GetDouble(), Digits);
        Assert.Equal(-(Math.Log(0.7) + Math.Log(0.6) + Math.Log(0.5) + Math.Log(0.8)) / 4, market.GetProperty("logLoss").GetDouble(), Digits);
        Assert.Equal(0.135, market.GetProperty("reliability").GetDouble(), Digits);
        Assert.Equal((0.3 + 0.4 + 0.5 + 0.2) / 4, market.GetProperty("ece").GetDouble(), Digits);
        Assert.Equal(JsonValueKind.Null, market.GetProperty("baselineBrier").ValueKind);
        Assert.Equal(JsonValueKind.Null, market.GetProperty("brierSkill").ValueKind);
        Assert.Equal(4, market.GetProperty("bins").GetArrayLength());

        // Pool before recalibration 0.75/0.35/0.55/0.15: (0.0625 + 0.1225 + 0.3025 + 0.0225) / 4.
        Assert.Equal(0.1275, body.GetProperty("pooled").GetProperty("brier").GetDouble(), Digits);

        // alpha forecast what the desk did; beta 0.6/0.5/0.5/0.3: (0.16 + 0.25 + 0.25 + 0.09) / 4.
        var models = body.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);
        Assert.Equal(["alpha", "beta"], models.Keys.Order());
        Assert.Equal(1, models.Values.Sum(m => m.GetProperty("weight").GetDouble()), Digits);

        // Weights ∝ exp(−η·s·(L − L̄)) with η = 10 and shrinkage s = 4 / (4 + 50): alpha / beta = exp(η·s·(L_beta − L_alpha)).
        var alphaLoss = -(Math.Log(0.8) + Math.Log(0.7) + Math.Log(0.4) + Math.Log(0.9)) / 4;
        var betaLoss = -(Math.Log(0.6) + Math.Log(0.5) + Math.Log(0.5) + Math.Log(0.7)) / 4;
        Assert.Equal(1 / (1 + Math.Exp(-10 * (4d / 54) * (betaLoss - alphaLoss))), models["alpha"].GetProperty("weight").GetDouble(), Digits);
        Assert.Equal(alphaLoss, models["alpha"].GetProperty("logLoss").GetDouble(), Digits);
        Assert.Equal(0.125, models["alpha"].GetProperty("brier").GetDouble(), Digits);
        Assert.Equal(0.1875, models["beta"].GetProperty("brier").GetDouble(), Digits);
        Assert.Equal(4, models["beta"].GetProperty("count").GetInt32());
        Assert.Equal(betaLoss, models["beta"].GetProperty("logLoss").GetDouble(), Digits);
        Assert.Equal(0.135, models["beta"].GetProperty("marketBrier").GetDouble(), Digits);
        Assert.Equal(1 - (0.1875 / 0.135), models["beta"].GetProperty("brierSkill").GetDouble(), Digits);

        // weather (A, B, C): desk 0.49 / 3, market 0.5 / 3; crypto (D): desk 0.01, market 0.04.
        var categories = body.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(["weather", "crypto"], categories.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(0.49 / 3, categories[0].GetProperty("desk").GetProperty("brier").GetDouble(), Digits);
        Assert.Equal(0.5 / 3, categories[0].GetProperty("market").GetProperty("brier").GetDouble(), Digits);
        Assert.Equal(3, categories[0].GetProperty("desk").GetProperty("count").GetInt32());
        Assert.Equal(0.01, categories[1].GetProperty("desk").GetProperty("brier").GetDouble(), Digits);
        Assert.Equal(0.04, categories[1].GetProperty("market").GetProperty("brier").GetDouble(), Digits);
        Assert.Equal(0.75, categories[1].GetProperty("desk").GetProperty("brierSkill").GetDouble(), Digits);

        // D was forecast 30 minutes before its close, A–C 3 hours before, and A once more 2 days before.
        var horizons = body.GetProperty("horizons").EnumerateArray().ToList();
        Assert.Equal(["under 1 h", "1–6 h", "1–7 days"], horizons.Select(h => h.GetProperty("name").GetString()));
        Assert.Equal([1, 3, 1], horizons.Select(h => h.GetProperty("desk").GetProperty("count").GetInt32()));
        Assert.Equal(0.49 / 3, horizons[1].GetProperty("desk").GetProperty("brier").GetDouble(), Digits);
        Assert.Equal(0.25, horizons[2].GetProperty("desk").GetProperty("brier").GetDouble(), Digits);

        // Day 1 (A yes at 0.8, B no at 0.3): Brier 0.065, base rate ½ so resolution = uncertainty = 0.25; market 0.125.
        // Day 2 (C no at 0.6, D no at 0.1): Brier 0.185, all reliability, no resolution or uncertainty; market 0.145.
        var history = body.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["2026-03-10", "2026-03-11"], history.Select(d => d.GetProperty("day").GetString()));
        Assert.Equal([2, 2], history.Select(d => d.GetProperty("count").GetInt32()));
        Assert.Equal(0.065, history[0].GetProperty("brier").GetDouble(), Digits);
        Assert.Equal(0.065, history[0].GetProperty("reliability").GetDouble(), Digits);
        Assert.Equal(0.25, history[0].GetProperty("resolution").GetDouble(), Digits);
        Assert.Equal(0.25, history[0].GetProperty("uncertainty").GetDouble(), Digits);
        Assert.Equal(0.125, history[0].GetProperty("marketBrier").GetDouble(), Digits);
        Assert.Equal(0.185, history[1].GetProperty("brier").GetDouble(), Digits);
        Assert.Equal(0.185, history[1].GetProperty("reliability").GetDouble(), Digits);
        Assert.Equal(0, history[1].GetProperty("resolution").GetDouble(), Digits);
        Assert.Equal(0, history[1].GetProperty("uncertainty").GetDouble(), Digits);
        Assert.Equal(0.145, history[1].GetProperty("marketBrier").GetDouble(), Digits);

        // Four markets are too few to sit out on, whatever the skill.
        var rolling = body.GetProperty("rolling");
        Assert.Equal(100, rolling.GetProperty("window").GetInt32());
        Assert.Equal(4, rolling.GetProperty("count").GetInt32());
        Assert.Equal(1 - (0.125 / 0.135), rolling.GetProperty("skill").GetDouble(), Digits);
        Assert.Equal(0.125, rolling.GetProperty("deskBrier").GetDouble(), Digits);
        Assert.Equal(0.135, rolling.GetProperty("marketBrier").GetDouble(), Digits);
        Assert.False(rolling.GetProperty("degraded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rolling.GetProperty("reason").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("recalibration").GetString()));
        Assert.Equal(JsonValueKind.Object, body.GetProperty("categoryRecalibration").ValueKind);
    }

    [Fact]
    public async Task Calibration_Viewer_CanRead()
    {
        var token = await ViewerToken.CreateAsync(desk.Services);

        using var response = await desk.Client(token).GetAsync("/api/calibration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(100, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rolling").GetProperty("window").GetInt32());
    }

    [Fact]
    public async Task Calibration_WithoutSignIn_Is401()
    {
        using var response = await desk.Client(token: null).GetAsync("/api/calibration");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
