namespace KalshiDesk.Engine.Modes;

/// <summary>One of the doctor's checks (or a precondition of going live): what was checked, whether it passed, what was found.</summary>
/// <param name="Name">What was checked: configuration, database, exchange, api key, Kalshi key.</param>
/// <param name="Detail">What was found; for a failure, the problem.</param>
/// <param name="Fix">How to fix a failure; null when it passed or the problem already says.</param>
public sealed record DeskCheck(string Name, bool Passed, string Detail, string? Fix = null)
{
    public static DeskCheck Ok(string name, string detail) => new(name, true, detail);

    public static DeskCheck Fail(string name, string problem, string? fix) => new(name, false, problem, fix);

    /// <summary>The doctor's line: <c>ok    name: detail</c> or <c>FAIL  name: problem; fix: fix</c> (the problem alone when it says its fix).</summary>
    public string Line => Passed ? $"ok    {Name}: {Detail}" : Fix is null ? $"FAIL  {Name}: {Detail}" : $"FAIL  {Name}: {Detail}; fix: {Fix}";

    /// <summary>A failure as a reason to refuse: the problem, and the fix when there is one.</summary>
    public string Reason => Fix is null ? Detail : $"{Name}: {Detail} (fix: {Fix})";
}
