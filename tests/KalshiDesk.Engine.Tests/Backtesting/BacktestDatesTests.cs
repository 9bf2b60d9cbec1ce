using KalshiDesk.Engine.Backtesting;

namespace KalshiDesk.Engine.Tests.Backtesting;

public sealed class BacktestDatesTests
{
    [Theory]
    [InlineData("2025-04-15", false, "2025-04-15T00:00:00.0000000+00:00")]
    [InlineData("2025-04-15", true, "2025-04-15T23:59:59.9999999+00:00")]
    [InlineData("2025-04-15T12:00:00Z", true, "2025-04-15T12:00:00.0000000+00:00")]
    [InlineData("2025-04-15 12:00", false, "2025-04-15T12:00:00.0000000+00:00")]
    [InlineData(" 2025-04-15T12:00:00-04:00 ", false, "2025-04-15T16:00:00.0000000+00:00")]
    public void Reads_ADateAsAUtcDay_AndATimeAsUtcUnlessItSaysOtherwise(string text, bool endOfDay, string expected)
    {
        Assert.True(BacktestDates.TryParse(text, endOfDay, out var value));

        Assert.Equal(expected, value!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Blank_IsNoBound(string? text)
    {
        Assert.True(BacktestDates.TryParse(text, endOfDay: true, out var value));

        Assert.Null(value);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-13-01")]
    [InlineData("04/15/2025")]
    [InlineData("15 April 2025")]
    public void NotIso8601_IsRefused(string text) => Assert.False(BacktestDates.TryParse(text, endOfDay: false, out _));
}
