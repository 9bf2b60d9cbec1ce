namespace KalshiDesk.Domain.Calibration;

/// <summary>One block of a pool-adjacent-violators fit: a run of neighbouring points sharing one fitted value.</summary>
/// <param name="Centre">Weighted mean x of the points in the block.</param>
/// <param name="Value">The fitted value: weighted mean y of the points in the block.</param>
/// <param name="Weight">Total weight of the block.</param>
/// <param name="Start">Index of the block's first point.</param>
/// <param name="Length">Number of points in the block.</param>
public readonly record struct IsotonicBlock(double Centre, double Value, double Weight, int Start, int Length);
