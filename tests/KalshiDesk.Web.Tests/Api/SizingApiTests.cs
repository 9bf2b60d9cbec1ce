using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KalshiDesk.Web.Tests.Api;

public class SizingApiTests(DeskApp desk) : IClassFixture<DeskApp>
{
    private async Task<JsonElement> SizeAsync(object body, string? token = DeskApp.AdminToken)
    {
        using var response = await desk.Client(token).PostAsJsonAsync("/api/sizing", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static (decimal Price, decimal FeePerContract, double Edge, double Kelly, decimal Contracts, decimal Cost, decimal Fee) Read(JsonElement side) => (
        side.GetProperty("price").GetDecimal(),
        side.GetProperty("feePerContract").GetDecimal(),
        side.GetProperty("edge").GetDouble(),
        side.GetProperty("kellyFraction").GetDouble(),
        side.GetProperty("contracts").GetDecimal(),
        side.GetProperty("cost").GetDecimal(),
        side.GetProperty("fee").GetDecimal());

    [Fact]
    public async Task Post_BalancedWorkedExample_YesIs44ContractsFor24_20Plus0_77()
    {
        // YES at 0.55: fee 0.07 × 0.55 × 0.45 = 0.017325, edge 0.70 − 0.567325 = 0.132675, full Kelly 0.306639; the 2.5%
        // single-trade cap ($25) fits 44. NO at 0.47: fee 0.017437, edge 0.30 − 0.487437 = −0.187437, nothing.
        var answer = await SizeAsync(new { probability = 0.70, yesBid = 0.53, yesAsk = 0.55, preset = "balanced", equity = 1000 });

        Assert.Equal((0.55m, 0.017325m, 0.132675, 0.306639, 44m, 24.20m, 0.77m), Read(answer.GetProperty("yes")));
        Assert.Equal((0.47m, 0.017437m, -0.187437, 0d, 0m, 0m, 0m), Read(answer.GetProperty("no")));
        Assert.Equal("yes", answer.GetProperty("best").GetString());
        Assert.Equal(("balanced", 1000m), (answer.GetProperty("preset").GetString(), answer.GetProperty("equity").GetDecimal()));
    }

    [Fact]
    public async Task Post_WithoutPresetOrEquity_UsesTheActivePresetAndTheDesksEquity()
    {
        var answer = await SizeAsync(new { probability = 0.70, yesBid = 0.53, yesAsk = 0.55 });

        Assert.Equal(("balanced", 1000m), (answer.GetProperty("preset").GetString(), answer.GetProperty("equity").GetDecimal()));
        Assert.Equal((0.55m, 0.017325m, 0.132675, 0.306639, 44m, 24.20m, 0.77m), Read(answer.GetProperty("yes")));
    }

    [Fact]
    public async Task Post_ProbabilityBelowTheBid_SizesTheNoSide()
    {
        // NO at 1 − 0.53 = 0.47 with q 0.70: edge 0.212563, full Kelly 0.212563 / 0.512563 = 0.414706; $25 fits 51
        // (23.97 + ceil(0.889287) = 0.89 → 24.86). YES at 0.55 with q 0.30 has no edge.
        var answer = await SizeAsync(new { probability = 0.30, yesBid = 0.53, yesAsk = 0.55, preset = "balanced", equity = 1000 });

        Assert.Equal((0.47m, 0.017437m, 0.212563, 0.414706, 51m, 23.97m, 0.89m), Read(answer.GetProperty("no")));
        Assert.Equal((0.55m, 0.017325m, -0.267325, 0d, 0m, 0m, 0m), Read(answer.GetProperty("yes")));
        Assert.Equal("no", answer.GetProperty("best").GetString());
    }

    [Fact]
    public async Task Post_AggressivePreset_SizesToItsFivePercentCap()
    {
        var answer = await SizeAsync(new { probability = 0.70, yesBid = 0.53, yesAsk = 0.55, preset = "Aggressive", equity = 1000 });

        var yes = Read(answer.GetProperty("yes"));
        Assert.Equal((88m, 48.40m, 1.53m), (yes.Contracts, yes.Cost, yes.Fee));
        Assert.Equal("aggressive", answer.GetProperty("preset").GetString());
    }

    [Fact]
    public async Task Post_EdgeBelowThePresetsMinimum_SizesNothingAndHasNoBest()
    {
        // q 0.58 at 0.55: edge 0.012675 is positive but below balanced's 0.03.
        var answer = await SizeAsync(new { probability = 0.58, yesBid = 0.53, yesAsk = 0.55, preset = "balanced", equity = 1000 });

        var yes = Read(answer.GetProperty("yes"));
        Assert.Equal((0.012675, 0.029295, 0m), (yes.Edge, yes.Kelly, yes.Contracts));
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("best").ValueKind);
    }

    [Theory]
    [InlineData("""{"probability":0,"yesBid":0.53,"yesAsk":0.55}""", "probability")]
    [InlineData("""{"probability":1,"yesBid":0.53,"yesAsk":0.55}""", "probability")]
    [InlineData("""{"probability":1.5,"yesBid":0.53,"yesAsk":0.55}""", "probability")]
    [InlineData("""{"yesBid":0.53,"yesAsk":0.55}""", "probability")]
    [InlineData("""{"probability":0.7,"yesBid":0.55,"yesAsk":0.55}""", "yesBid")]
    [InlineData("""{"probability":0.7,"yesBid":0.60,"yesAsk":0.55}""", "yesBid")]
    [InlineData("""{"probability":0.7,"yesBid":-0.01,"yesAsk":0.55}""", "yesBid")]
    [InlineData("""{"probability":0.7,"yesBid":0.53,"yesAsk":1.2}""", "yesAsk")]
    [InlineData("""{"probability":0.7,"yesBid":0.53}""", "yesAsk")]
    [InlineData("""{"probability":0.7,"yesBid":0.53,"yesAsk":0.55,"preset":"reckless"}""", "preset")]
    [InlineData("""{"probability":0.7,"yesBid":0.53,"yesAsk":0.55,"equity":-5}""", "equity")]
    public async Task Post_BadInput_Is400ProblemDetailsNamingTheField(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await desk.Client().PostAsync("/api/sizing", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"Invalid {field}", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutSignIn_Is401()
    {
        using var response = await desk.Client(token: null).PostAsJsonAsync("/api/sizing", new { probability = 0.7, yesBid = 0.53, yesAsk = 0.55 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_AsAViewer_IsAllowed()
    {
        var token = await ViewerToken.CreateAsync(desk.Services);

        var answer = await SizeAsync(new { probability = 0.70, yesBid = 0.53, yesAsk = 0.55, equity = 1000 }, token);

        Assert.Equal(44m, answer.GetProperty("yes").GetProperty("contracts").GetDecimal());
    }
}
