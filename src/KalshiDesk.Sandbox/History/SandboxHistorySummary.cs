namespace KalshiDesk.Sandbox.History;

/// <summary>What a recording holds: <paramref name="Markets"/> settled markets in <paramref name="Rows"/> rows, observed from <paramref name="Start"/> to <paramref name="End"/>.</summary>
public sealed record SandboxHistorySummary(int Markets, int Rows, DateTimeOffset Start, DateTimeOffset End);
