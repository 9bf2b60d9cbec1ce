using KalshiDesk.Engine.Forecasting.Llm;

namespace KalshiDesk.Engine.Tests.Forecasting.Llm;

public class LlmAnswerParserTests
{
    [Fact]
    public void TryParse_TheAskedShape_ReadsEveryField()
    {
        var ok = LlmAnswerParser.TryParse("{\"probability\": 0.37, \"confidence\": 0.6, \"reason\": \"Cold front due.\"}", out var answer, out _);

        Assert.True(ok);
        Assert.Equal(0.37, answer!.ProbabilityYes.Value);
        Assert.Equal(0.6, answer.Confidence);
        Assert.Equal("Cold front due.", answer.Reason);
    }

    [Fact]
    public void TryParse_InAMarkdownFence_ReadsTheJson()
    {
        Assert.True(LlmAnswerParser.TryParse("```json\n{\"probability\": 0.05}\n```", out var answer, out _));
        Assert.Equal(0.05, answer!.ProbabilityYes.Value);
    }

    [Fact]
    public void TryParse_NoConfidence_IsAHalf()
    {
        Assert.True(LlmAnswerParser.TryParse("{\"probability\": 0.8}", out var answer, out _));
        Assert.Equal(0.5, answer!.Confidence);
        Assert.Equal(string.Empty, answer.Reason);
    }

    [Fact]
    public void TryParse_LongReason_IsCut()
    {
        Assert.True(LlmAnswerParser.TryParse($"{{\"probability\": 0.8, \"reason\": \"{new string('x', 500)}\"}}", out var answer, out _));
        Assert.Equal(LlmAnswerParser.MaxReasonLength, answer!.Reason.Length);
    }

    [Theory]
    [InlineData("", "the answer was empty")]
    [InlineData("   ", "the answer was empty")]
    [InlineData("Probably yes, 70%.", "the answer is not JSON")]
    [InlineData("Sure! {\"probability\": 0.7}", "the answer is not JSON")]
    [InlineData("[0.7]", "the answer is JSON Array, not an object: [0.7]")]
    [InlineData("{\"p\": 0.7}", "the answer has no \"probability\": {\"p\": 0.7}")]
    [InlineData("{\"probability\": \"0.7\"}", "\"probability\" must be a number from 0 to 1, not \"0.7\"")]
    [InlineData("{\"probability\": 70}", "\"probability\" must be a number from 0 to 1, not 70")]
    [InlineData("{\"probability\": -0.1}", "\"probability\" must be a number from 0 to 1, not -0.1")]
    [InlineData("{\"probability\": null}", "\"probability\" must be a number from 0 to 1, not null")]
    [InlineData("{\"probability\": 0.7, \"confidence\": 2}", "\"confidence\" must be a number from 0 to 1, not 2")]
    public void TryParse_AnythingElse_IsRefusedWithAReason(string text, string expected)
    {
        var ok = LlmAnswerParser.TryParse(text, out var answer, out var failure);

        Assert.False(ok);
        Assert.Null(answer);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }
}
