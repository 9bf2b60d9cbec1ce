namespace KalshiDesk.Data.Entities;

/// <summary>One model's part of a <see cref="ForecastEntity"/>: its probability, its own confidence and the inputs it read.</summary>
public sealed class ModelForecastEntity
{
    public Guid ForecastId { get; set; }
    public required string Model { get; set; }
    public double ProbabilityYes { get; set; }

    /// <summary>The model's own confidence, 0–1.</summary>
    public double Confidence { get; set; }

    /// <summary>The inputs the model used, as a JSON object of name → value.</summary>
    public string Inputs { get; set; } = "{}";
}
