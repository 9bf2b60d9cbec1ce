namespace KalshiDesk.Engine.Backtesting;

/// <summary>
/// The sample recordings the desk offers to replay: the <c>.csv</c> files and the subfolders of one folder. A name given
/// back is resolved inside that folder and nowhere else.
/// </summary>
public sealed class BacktestSamples(string root)
{
    /// <summary>The samples folder, as a full path.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The samples, by name; none when the folder does not exist.</summary>
    public IReadOnlyList<BacktestSample> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var root = new DirectoryInfo(Root);
        var files = root.EnumerateFiles("*.csv").Select(f => new BacktestSample(f.Name, "file", f.Length));
        var folders = root.EnumerateDirectories()
            .Where(d => !d.Name.StartsWith('.'))
            .Select(d => new BacktestSample(d.Name, "folder", d.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)));
        return [.. files.Concat(folders).OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The full path of the sample <paramref name="name"/>: null with the reason as <paramref name="problem"/> when the name
    /// is empty or reaches outside the samples folder, and <paramref name="found"/> false when nothing there has that name.
    /// </summary>
    public string? Resolve(string? name, out bool found, out string? problem)
    {
        found = false;
        problem = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            problem = "sample is required: the name of a recording in the samples folder (GET /api/backtests/samples lists them).";
            return null;
        }

        var parts = name.Trim().Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (Path.IsPathRooted(name.Trim()) || parts.Length == 0 || parts.Any(p => p is "." or ".."))
        {
            problem = $"sample '{name}' must name a recording inside the samples folder, without '..' or a rooted path.";
            return null;
        }

        var path = Path.GetFullPath(Path.Combine([Root, .. parts]));
        if (!path.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problem = $"sample '{name}' must name a recording inside the samples folder.";
            return null;
        }

        found = File.Exists(path) || Directory.Exists(path);
        return path;
    }
}
