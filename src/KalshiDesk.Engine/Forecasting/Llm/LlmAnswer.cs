using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>What the model said about one wording of one market.</summary>
/// <param name="Confidence">The model's stated confidence, 0–1.</param>
/// <param name="Reason">Its one-sentence reason, cut to <see cref="LlmAnswerParser.MaxReasonLength"/> characters.</param>
public sealed record LlmAnswer(Probability ProbabilityYes, double Confidence, string Reason);
