using KalshiDesk.TestKit.Processes;

namespace KalshiDesk.Web.Tests.Hosting;

/// <summary>The executable as a user starts it: bad configuration stops it with one line naming the key and the fix.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-start-");

    public void Dispose() => _directory.Delete(true);

    [Theory]
    [InlineData("ConnectionStrings__KalshiDesk", "Host=localhost;Port=notanumber", "kalshidesk: configuration error: ConnectionStrings:KalshiDesk is not a valid PostgreSQL connection string")]
    [InlineData("ConnectionStrings__KalshiDesk", "Data Source=/proc/nowhere/desk.db", "kalshidesk: configuration error: ConnectionStrings:KalshiDesk points at '/proc/nowhere/desk.db', which cannot be written")]
    [InlineData("ConnectionStrings__KalshiDeskPaper", "Data Source=data/kalshidesk.db", "kalshidesk: configuration error: ConnectionStrings:KalshiDeskPaper names the main database (ConnectionStrings:KalshiDesk); the paper book needs its own")]
    [InlineData("ConnectionStrings__KalshiDeskPaper", "Data Source=/proc/nowhere/paper.db", "kalshidesk: configuration error: ConnectionStrings:KalshiDeskPaper points at '/proc/nowhere/paper.db', which cannot be written")]
    [InlineData("Trading__Preset", "reckless", "kalshidesk: configuration error: Trading:Preset 'reckless' is not a preset; use conservative, balanced or aggressive.")]
    [InlineData("Trading__Mode", "Yolo", "kalshidesk: configuration error: Failed to convert configuration value")]
    [InlineData("Kalshi__PrivateKeyPath", "/nonexistent/kalshi.pem", "kalshidesk: configuration error: Kalshi:KeyId is missing: set it to the API key id")]
    [InlineData("Sandbox__Markets", "0", "kalshidesk: configuration error: Sandbox:Markets ")]
    [InlineData("KALSHIDESK_ADMIN_PASSWORD", "short", "kalshidesk: configuration error: KALSHIDESK_ADMIN_PASSWORD is too weak")]
    [InlineData("KALSHIDESK_API_TOKEN", "abc", "kalshidesk: configuration error: KALSHIDESK_API_TOKEN must be at least 16 characters")]
    public async Task Start_BadConfiguration_PrintsOneLineAndExits2(string key, string value, string expected)
    {
        await using var desk = DeskProcess.Start(_directory.FullName, new Dictionary<string, string?> { [key] = value }, $"--urls=http://127.0.0.1:{DeskProcess.FreePort()}");

        var exit = await desk.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        var line = Assert.Single(desk.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Unreachable_PostgreSql_NamesTheKey()
    {
        var port = DeskProcess.FreePort();
        await using var desk = DeskProcess.Start(_directory.FullName, new Dictionary<string, string?> { ["ConnectionStrings__KalshiDesk"] = $"Host=127.0.0.1;Port={port};Database=kd;Username=kd;Password=x;Timeout=3" }, $"--urls=http://127.0.0.1:{DeskProcess.FreePort()}");

        var exit = await desk.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.StartsWith("kalshidesk: configuration error: ConnectionStrings:KalshiDesk (PostgreSql) cannot be opened:", desk.Errors.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstStart_WithoutAPassword_PrintsAGeneratedOneOnce()
    {
        string password;
        await using (var first = DeskProcess.Start(_directory.FullName, new Dictionary<string, string?>(), $"--urls=http://127.0.0.1:{DeskProcess.FreePort()}"))
        {
            await first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
            var line = first.Output.Split('\n').Single(l => l.StartsWith("KalshiDesk created the user 'admin' with the password: ", StringComparison.Ordinal));
            password = line.Split(": ", 2)[1].Split(' ')[0];
        }

        Assert.Equal(20, password.Length);
        Assert.True(File.Exists(Path.Combine(_directory.FullName, "data", "kalshidesk.db")), "the SQLite database lands in data/ under the working directory");
        Assert.True(File.Exists(Path.Combine(_directory.FullName, "data", "kalshidesk-paper.db")), "the paper book's own SQLite file lands beside it");
        await using var second = DeskProcess.Start(_directory.FullName, new Dictionary<string, string?>(), $"--urls=http://127.0.0.1:{DeskProcess.FreePort()}");
        await second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        Assert.DoesNotContain("with the password", second.Output, StringComparison.Ordinal);
    }
}
