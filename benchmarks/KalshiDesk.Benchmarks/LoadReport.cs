using System.Globalization;

namespace KalshiDesk.Benchmarks;

/// <summary>What the Cycle, PersistCycle, Memory and DashboardLatency load scripts share: quantiles, the machine's load, the report file.</summary>
internal static class LoadReport
{
    /// <summary>The nearest-rank quantile (<paramref name="q"/> 0.95 → p95); NaN for no values.</summary>
    public static double Quantile(IReadOnlyCollection<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var index = Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(sorted.Count * q) - 1));
        return sorted[index];
    }

    public static string Ms(double ms) => double.IsNaN(ms) ? "—" : ms.ToString(Math.Abs(ms) < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";

    public static string Mb(double? bytes) => bytes is { } b ? (b / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture) + " MB" : "n/a";

    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>Saves <paramref name="text"/> as artifacts/benchmarks/<paramref name="name"/>-yyyyMMdd-HHmmss.md in the repository.</summary>
    public static string Save(string name, string text)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KalshiDesk.sln")))
        {
            dir = dir.Parent;
        }

        // Under -p:ArtifactsPath elsewhere the program's folder has no solution above it: the working directory's repository then.
        dir ??= new DirectoryInfo(Directory.GetCurrentDirectory());
        var folder = Path.Combine(dir.FullName, "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}.md");
        File.WriteAllText(file, text);
        return file;
    }

    public static void Log(string message) => Console.WriteLine($"[{DateTimeOffset.Now:HH:mm:ss}] {message}");
}
