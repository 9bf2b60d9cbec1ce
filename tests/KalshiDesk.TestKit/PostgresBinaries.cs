namespace KalshiDesk.TestKit;

/// <summary>Locates the PostgreSQL server programs (initdb, postgres, pg_ctl) installed on this machine.</summary>
internal static class PostgresBinaries
{
    public const string NotFoundMessage =
        "PostgreSQL server binaries not found: run ./test.sh as root (it installs them) or apt-get install postgresql";

    /// <summary>Environment variable naming the server's bin directory, for installs outside the usual places.</summary>
    public const string BinDirectoryVariable = "KALSHIDESK_PG_BIN";

    /// <summary>
    /// The bin directory that holds initdb: <c>KALSHIDESK_PG_BIN</c> when set, else <c>pg_config --bindir</c>,
    /// else the newest <c>/usr/lib/postgresql/*/bin</c>. pg_config alone proves nothing: Debian's libpq-dev ships it
    /// without the server, so the directory counts only when initdb, postgres and pg_ctl are in it.
    /// </summary>
    public static async Task<string> LocateAsync()
    {
        if (Environment.GetEnvironmentVariable(BinDirectoryVariable) is { Length: > 0 } configured)
        {
            return HasServer(configured)
                ? configured
                : throw new InvalidOperationException($"{NotFoundMessage} ({BinDirectoryVariable}={configured} has no initdb, postgres and pg_ctl)");
        }

        var fromPgConfig = await BinDirFromPgConfigAsync().ConfigureAwait(false);
        if (fromPgConfig is not null && HasServer(fromPgConfig))
        {
            return fromPgConfig;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.EnumerateDirectories(debianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: MajorVersion(Path.GetFileName(dir))))
                .Where(candidate => HasServer(candidate.Dir))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        throw new InvalidOperationException(NotFoundMessage);
    }

    private static async Task<string?> BinDirFromPgConfigAsync()
    {
        try
        {
            var (exitCode, output) = await ExternalCommand
                .RunAsync("pg_config", ["--bindir"], null, TimeSpan.FromSeconds(30))
                .ConfigureAwait(false);
            return exitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not on PATH.
            return null;
        }
    }

    private static bool HasServer(string binDir) =>
        File.Exists(Path.Combine(binDir, "initdb"))
        && File.Exists(Path.Combine(binDir, "postgres"))
        && File.Exists(Path.Combine(binDir, "pg_ctl"));

    private static double MajorVersion(string name) =>
        double.TryParse(name, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;
}
