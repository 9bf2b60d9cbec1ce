using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Forecasting.Llm;

internal static partial class LlmForecasterLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "LLM forecast for {Ticker} (rules {RulesVersion}) refused: {Reason}")]
    public static partial void AnswerRefused(ILogger logger, string ticker, string rulesVersion, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "LLM call for {Ticker} failed; it will be asked again next cycle: {Reason}")]
    public static partial void CallFailed(ILogger logger, string ticker, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "LLM daily spend cap of ${Cap} reached (${Spent} spent today, UTC); no more calls until 00:00 UTC")]
    public static partial void CapReached(ILogger logger, decimal cap, decimal spent);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Debug, Message = "LLM answered {Ticker} (rules {RulesVersion}): p={Probability} for ${Cost}")]
    public static partial void Answered(ILogger logger, string ticker, string rulesVersion, double probability, decimal cost);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Error, Message = "The LLM refresher stopped on an unexpected error; LLM forecasts stay as they are until restart")]
    public static partial void RefresherFailed(ILogger logger, Exception exception);
}
