using System.Security.Cryptography;
using System.Text;

namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>What a person reads before trading a market: its title, subtitle and rules.</summary>
/// <param name="Rules">The rules as Kalshi words them (rules_primary, then rules_secondary), or empty when unknown.</param>
public sealed record MarketText(string Title, string Subtitle, string Rules)
{
    /// <summary>
    /// The first 16 hex digits of SHA-256 over title, subtitle and rules: a new wording is a new question, so the answer
    /// cached for the old wording is not reused.
    /// </summary>
    public string RulesVersion { get; } = Hash(Title, Subtitle, Rules);

    private static string Hash(string title, string subtitle, string rules)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(subtitle);
        ArgumentNullException.ThrowIfNull(rules);

        // The separator cannot occur in the parts' own text, so ("a\u001fb", "") and ("a", "b") differ.
        var bytes = Encoding.UTF8.GetBytes(string.Join('\u001e', title, subtitle, rules));
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
    }
}
