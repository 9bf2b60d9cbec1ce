using KalshiDesk.Engine.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Tests.Alerts;

/// <summary>The <c>Alerts</c> section as the desk binds and validates it at start.</summary>
public sealed class AlertOptionsTests
{
    private const string Token = "k3Yt0kenSecretValue0123456789abcdefABCDEF";

    [Fact]
    public void Defaults_NothingConfigured_EverythingOnAt17AndTwentyAMinute()
    {
        var options = Bind([]);

        Assert.False(options.HasDestination);
        Assert.Null(options.DashboardUrl);
        Assert.Equal((new TimeOnly(17, 0), 20), (options.DailySummaryTime, options.MaxPerMinute));
        Assert.All(Enum.GetValues<AlertKind>(), kind => Assert.True(options.IsOn(kind)));
    }

    [Fact]
    public void Valid_DiscordWebhookAndPublicUrl_AreTakenAsGiven()
    {
        var options = Bind(new()
        {
            ["Notifications:Discord:WebhookUrl"] = $"https://discord.com/api/webhooks/112233445566778899/{Token}",
            ["Notifications:Webhook:Url"] = "http://10.0.0.5:8080/hooks/desk",
            ["Notifications:PublicUrl"] = "https://desk.example.com",
            ["Notifications:DailySummaryTime"] = "16:30",
            ["Notifications:MaxPerMinute"] = "5",
            ["Notifications:Fills"] = "false",
        });

        Assert.True(options.HasDestination);
        Assert.Equal(new Uri("https://desk.example.com/"), options.DashboardUrl);
        Assert.Equal((new TimeOnly(16, 30), 5), (options.DailySummaryTime, options.MaxPerMinute));
        Assert.False(options.IsOn(AlertKind.Fill));
        Assert.True(options.IsOn(AlertKind.Proposal));
    }

    [Theory]
    [InlineData("https://discordapp.com/api/webhooks/112233445566778899/" + Token)]
    [InlineData("https://ptb.discord.com/api/v10/webhooks/112233445566778899/" + Token)]
    public void DiscordWebhookUrl_OtherDiscordForms_AreAccepted(string url) =>
        Assert.True(Bind(new() { ["Notifications:Discord:WebhookUrl"] = url }).HasDestination);

    [Theory]
    [InlineData("http://discord.com/api/webhooks/112233445566778899/" + Token, "Notifications:Discord:WebhookUrl must use https")]
    [InlineData("https://example.com/api/webhooks/112233445566778899/" + Token, "Notifications:Discord:WebhookUrl is not a Discord webhook URL")]
    [InlineData("https://discord.com/channels/112233445566778899/" + Token, "Notifications:Discord:WebhookUrl is not a Discord webhook URL")]
    [InlineData("discord.com/api/webhooks/112233445566778899/" + Token, "Notifications:Discord:WebhookUrl is not an absolute URL")]
    [InlineData("hooks/desk?token=" + Token, "Notifications:Webhook:Url must be an absolute http or https URL", "Notifications:Webhook:Url")]
    [InlineData("/hooks/desk?token=" + Token, "Notifications:Webhook:Url must be an absolute http or https URL", "Notifications:Webhook:Url")]
    [InlineData("ftp://files.example.com/" + Token, "Notifications:Webhook:Url must be an absolute http or https URL", "Notifications:Webhook:Url")]
    [InlineData("desk.example.com", "Notifications:PublicUrl must be the dashboard's absolute http or https address", "Notifications:PublicUrl")]
    public void Invalid_FailsAtStart_NamingTheKey_WithoutRepeatingTheUrl(string value, string expected, string key = "Notifications:Discord:WebhookUrl")
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("112233445566778899", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("601")]
    public void MaxPerMinute_OutOfRange_FailsNamingTheKeyAndTheRange(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Notifications:MaxPerMinute"] = value }));

        Assert.Equal($"Notifications:MaxPerMinute must be between 1 and 600; it is {value}.", Assert.Single(error.Failures));
    }

    [Fact]
    public void SeveralProblems_AreAllNamed()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Notifications:Discord:WebhookUrl"] = "http://discord.com/api/webhooks/1/x",
            ["Notifications:Webhook:Url"] = "hooks",
        }));

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains("Notifications:Discord:WebhookUrl", error.Failures.First(), StringComparison.Ordinal);
        Assert.Contains("Notifications:Webhook:Url", error.Failures.Last(), StringComparison.Ordinal);
    }

    /// <summary>The options as the desk's container binds and validates them.</summary>
    private static AlertOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddDeskAlerts()
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<AlertOptions>>().Value;
    }
}
