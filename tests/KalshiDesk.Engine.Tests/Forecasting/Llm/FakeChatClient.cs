using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace KalshiDesk.Engine.Tests.Forecasting.Llm;

/// <summary>An <see cref="IChatClient"/> that answers from a script and counts the calls it got.</summary>
internal sealed class FakeChatClient(Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<ChatResponse>> answer) : IChatClient
{
    private int _calls;

    public FakeChatClient(string text, long inputTokens = 1000, long outputTokens = 50)
        : this((_, _) => Task.FromResult(Reply(text, inputTokens, outputTokens)))
    {
    }

    public int Calls => _calls;

    public ConcurrentQueue<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = new();

    public static ChatResponse Reply(string text, long? inputTokens = 1000, long? outputTokens = 50) =>
        new(new ChatMessage(ChatRole.Assistant, text))
        {
            Usage = inputTokens is null && outputTokens is null ? null : new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens },
        };

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var list = messages.ToList();
        Requests.Enqueue((list, options));
        return await answer(list, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The forecaster does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
