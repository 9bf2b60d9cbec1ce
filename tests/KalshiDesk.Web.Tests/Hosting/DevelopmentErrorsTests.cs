using System.Net;
using System.Text;
using System.Text.Json;

namespace KalshiDesk.Web.Tests.Hosting;

/// <summary>The app as <c>dotnet run</c> starts it (Development): a body or value that cannot be read is still the caller's 400.</summary>
public class DevelopmentErrorsTests(DevelopmentErrorsTests.DevelopmentDeskApp desk) : IClassFixture<DevelopmentErrorsTests.DevelopmentDeskApp>
{
    [Fact]
    public async Task MalformedJsonBody_IsA400ProblemSayingWhatFailed()
    {
        using var content = new StringContent("{\"probability\": 0.7,", Encoding.UTF8, "application/json");

        using var response = await desk.Client().PostAsync("/api/sizing", content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Failed to read parameter \"SizingQuery body\" from the request body as JSON.", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The app in the Development environment.</summary>
    public sealed class DevelopmentDeskApp : DeskApp
    {
        protected override string Environment => "Development";
    }
}
