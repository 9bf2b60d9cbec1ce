using System.Globalization;
using System.Text;
using KalshiDesk.Domain.Markets;
using Microsoft.Extensions.AI;

namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>
/// The question put to the model. It carries the market's words and dates and never its price: the model is one
/// independent opinion in the ensemble, not an echo of the book.
/// </summary>
public static class LlmPrompt
{
    public const string System =
        "You estimate the probability that a Kalshi prediction market resolves YES, judged strictly by its rules. "
        + "Reply with one JSON object and nothing else, in exactly this shape: "
        + "{\"probability\": <number from 0 to 1>, \"confidence\": <number from 0 to 1, how far you trust your estimate>, "
        + "\"reason\": \"<one short sentence>\"}.";

    public static IReadOnlyList<ChatMessage> For(MarketSnapshot market, MarketText text, DateTimeOffset askedAt)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(text);
        var user = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Today is {askedAt.UtcDateTime:yyyy-MM-dd} (UTC).\n")
            .Append(CultureInfo.InvariantCulture, $"Market: {market.Ticker}\n")
            .Append(CultureInfo.InvariantCulture, $"Closes: {market.CloseTime.UtcDateTime:yyyy-MM-dd HH:mm} UTC\n")
            .Append(CultureInfo.InvariantCulture, $"Title: {text.Title}\n");
        if (text.Subtitle.Length > 0)
        {
            user.Append(CultureInfo.InvariantCulture, $"Subtitle: {text.Subtitle}\n");
        }

        user.Append(CultureInfo.InvariantCulture, $"Rules: {(text.Rules.Length > 0 ? text.Rules : "(not given; judge by the title)")}\n");
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, user.ToString())];
    }

    /// <summary>
    /// An upper bound on the prompt's tokens: its UTF-8 byte count, since a BPE token is never shorter than one byte.
    /// Used to reserve a call's worst-case cost before making it.
    /// </summary>
    public static long MaxInputTokens(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);

        // Chat templates wrap each message in a few role and separator tokens; 8 covers OpenAI's and Llama's.
        return messages.Sum(m => Encoding.UTF8.GetByteCount(m.Text) + 8L);
    }
}
