using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.TestKit;

namespace KalshiDesk.Web.Tests.Api;

public class BacktestsApiTests(BacktestsDeskApp desk) : IClassFixture<BacktestsDeskApp>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private async Task<(HttpStatusCode Status, JsonElement Body, Uri? Location)> PostAsync(object body, string? token = DeskApp.AdminToken)
    {
        using var response = await desk.Client(token).PostAsJsonAsync("/api/backtests", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Headers.Location);
    }

    private static string Problem(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task Post_TinySample_Is202WithItsLocation_AndTheCompletedRunGivesTheSummary()
    {
        var (status, body, location) = await PostAsync(new { sample = BacktestsDeskApp.TinySample, preset = "balanced", cash = 1000 });

        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/backtests/{id}", location?.OriginalString);
        Assert.Equal((BacktestsDeskApp.TinySample, "balanced", 240L), (body.GetProperty("recording").GetString(), body.GetProperty("preset").GetString(), body.GetProperty("total").GetInt64()));

        // A viewer follows it to the end.
        var viewer = desk.Client(await ViewerToken.CreateAsync(desk.Services));
        JsonElement run = default;
        await Eventually.Until(
            async () =>
            {
                run = await viewer.GetFromJsonAsync<JsonElement>(location);
                return run.GetProperty("status").GetString() != "running";
            },
            Wait,
            "the backtest of the tiny sample to finish");

        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal((240L, 240L, 100d), (run.GetProperty("done").GetInt64(), run.GetProperty("total").GetInt64(), run.GetProperty("percent").GetDouble()));
        Assert.Equal("admin", run.GetProperty("startedBy").GetString());

        // The seeded recording: markets near 30¢ that settle YES about 60% of the time; the desk learns it and buys YES.
        var summary = run.GetProperty("summary");
        Assert.Equal(91, summary.GetProperty("trades").GetInt32());
        Assert.Equal(7911.44m, summary.GetProperty("pnl").GetDecimal());
        Assert.Equal(7.91144m, summary.GetProperty("roiAfterFees").GetDecimal());
        Assert.Equal(0.13274m, summary.GetProperty("maxDrawdown").GetDecimal());
        Assert.Equal(357.89m, summary.GetProperty("fees").GetDecimal());
        Assert.Equal(120, summary.GetProperty("scoredMarkets").GetInt32());
        Assert.Equal(0.2720, summary.GetProperty("brierDesk").GetDouble(), 4);
        Assert.Equal(0.3492, summary.GetProperty("brierMarket").GetDouble(), 4);
        var ci = summary.GetProperty("brierDeskCi");
        Assert.Equal((0.2435, 0.3025), (Math.Round(ci.GetProperty("low").GetDouble(), 4), Math.Round(ci.GetProperty("high").GetDouble(), 4)));
        Assert.Equal([240L, 240L, 129L, 129L, 91L, 91L, 91L], summary.GetProperty("funnel").EnumerateArray().Select(s => s.GetProperty("count").GetInt64()));
        Assert.Equal(["economics", "weather"], summary.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()));

        var listed = await viewer.GetFromJsonAsync<JsonElement[]>("/api/backtests") ?? [];
        Assert.Contains(listed, r => r.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Post_AsViewer_Is403AndStartsNothing()
    {
        var (status, _, _) = await PostAsync(new { sample = BacktestsDeskApp.TinySample }, await ViewerToken.CreateAsync(desk.Services));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Post_UnknownSample_Is404SayingWhereToLook()
    {
        var (status, problem, _) = await PostAsync(new { sample = "nowhere.csv" });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("There is no sample 'nowhere.csv' in the samples folder; GET /api/backtests/samples lists them.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("../desk.db")]
    [InlineData("sub/../../desk.db")]
    [InlineData("/etc/passwd")]
    public async Task Post_SampleOutsideTheSamplesFolder_Is400NamingSample(string sample)
    {
        var (status, problem, _) = await PostAsync(new { sample });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith($"sample '{sample}' must name a recording inside the samples folder", Problem(problem, "sample"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedSample_Is400WithTheReadersLineAndColumn()
    {
        var (status, problem, _) = await PostAsync(new { sample = BacktestsDeskApp.BrokenSample });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("broken.csv line 3, column price: \"1.7\" is not a price between 0 and 1", Problem(problem, "sample"));
    }

    [Theory]
    [InlineData("preset", "{\"sample\":\"tiny.csv\",\"preset\":\"reckless\"}", "preset 'reckless' is not one of conservative, balanced, aggressive.")]
    [InlineData("cash", "{\"sample\":\"tiny.csv\",\"cash\":0}", "cash must be more than $0 and at most $1,000,000,000, in dollars.")]
    [InlineData("from", "{\"sample\":\"tiny.csv\",\"from\":\"yesterday\"}", "from 'yesterday' is not a date (2026-11-01) or an ISO 8601 time.")]
    [InlineData("to", "{\"sample\":\"tiny.csv\",\"from\":\"2026-09-10\",\"to\":\"2026-09-01\"}", "to (2026-09-01T23:59Z) must be after from (2026-09-10T00:00Z).")]
    [InlineData("sample", "{\"preset\":\"balanced\"}", "sample is required: the name of a recording in the samples folder (GET /api/backtests/samples lists them).")]
    public async Task Post_BadField_Is400NamingIt(string field, string json, string message)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await desk.Client().PostAsync("/api/backtests", content);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, Problem(problem, field));
        Assert.Equal($"Invalid {field}", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Get_UnknownRun_Is404()
    {
        using var response = await desk.Client().GetAsync($"/api/backtests/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetSamples_ListsTheCsvFilesOfTheSamplesFolder()
    {
        var samples = await desk.Client().GetFromJsonAsync<JsonElement[]>("/api/backtests/samples") ?? [];

        Assert.Equal([BacktestsDeskApp.BrokenSample, BacktestsDeskApp.TinySample], samples.Select(s => s.GetProperty("name").GetString()));
        Assert.All(samples, s => Assert.Equal("file", s.GetProperty("kind").GetString()));
    }
}
