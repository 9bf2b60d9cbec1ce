namespace KalshiDesk.Domain.Calibration;

/// <summary>One bar of a reliability diagram: forecasts in [<paramref name="Lower"/>, <paramref name="Upper"/>) and how often YES won.</summary>
/// <param name="Index">Bin number, 0 for the lowest forecasts.</param>
/// <param name="Lower">Lowest forecast in the bin's range (0–1).</param>
/// <param name="Upper">Top of the bin's range (0–1); the last bin includes 1.</param>
/// <param name="Count">Forecasts in the bin.</param>
/// <param name="YesCount">Of those, how many settled YES.</param>
/// <param name="MeanForecast">Mean forecast in the bin (0–1).</param>
/// <param name="ObservedFrequency">Share that settled YES (0–1).</param>
/// <param name="WilsonLow">Lower end of the Wilson 95% interval for the observed frequency.</param>
/// <param name="WilsonHigh">Upper end of the Wilson 95% interval for the observed frequency.</param>
public sealed record ReliabilityBin(
    int Index,
    double Lower,
    double Upper,
    int Count,
    int YesCount,
    double MeanForecast,
    double ObservedFrequency,
    double WilsonLow,
    double WilsonHigh);
