using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using Xunit;

namespace KalshiDesk.TestKit;

/// <summary>
/// A throwaway PostgreSQL server started from this machine's binaries for one test class or collection
/// (use it as <c>IClassFixture&lt;PostgresServer&gt;</c> or through a <c>CollectionDefinition</c>).
/// It lives in a fresh temporary directory, listens on a free port of 127.0.0.1 only, trusts every
/// connection and trades durability for speed; disposing it stops the server and deletes the directory.
/// </summary>
public sealed partial class PostgresServer : IAsyncLifetime
{
    /// <summary>The superuser that initdb creates; every connection string logs in as it.</summary>
    public const string SuperUser = "postgres";

    // initdb refuses to run as root, and so does postgres: as root both run as this system user.
    private const string ServerUser = "postgres";
    private const int StartAttempts = 3;
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly SemaphoreSlim UserCreation = new(1, 1);

    private readonly StringBuilder _serverLog = new();
    private readonly HashSet<string> _issuedConnectionStrings = new(StringComparer.Ordinal);
    private string? _binDirectory;
    private bool _runAsServerUser;
    private Process? _server;
    private int _port;

    /// <summary>
    /// Keep PostgreSQL's durability settings (fsync, synchronous commit, full-page writes) as a production server has
    /// them, for a measurement that must pay what a commit costs; off by default, since a test database is thrown away.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>The temporary directory holding the cluster's data and socket; empty before start.</summary>
    public string RootDirectory { get; private set; } = string.Empty;

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port => _server is null ? throw NotStarted() : _port;

    /// <summary>Connection string to the <c>postgres</c> maintenance database, as the superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    /// <summary>What the server has printed so far (start-up, errors); useful in a failing test's message.</summary>
    public string ServerLog
    {
        get
        {
            lock (_serverLog)
            {
                return _serverLog.ToString();
            }
        }
    }

    private string DataDirectory => Path.Combine(RootDirectory, "data");

    private string SocketDirectory => Path.Combine(RootDirectory, "socket");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync().ConfigureAwait(false);
        }
        catch
        {
            // xunit does not dispose a fixture whose initialisation failed: leave no server or directory behind.
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartAsync()
    {
        _binDirectory = await PostgresBinaries.LocateAsync().ConfigureAwait(false);
        _runAsServerUser = Environment.IsPrivilegedProcess;
        RootDirectory = CreateRootDirectory(_runAsServerUser);
        Directory.CreateDirectory(SocketDirectory);

        if (_runAsServerUser)
        {
            await EnsureServerUserExistsAsync().ConfigureAwait(false);
            await ExternalCommand
                .RunCheckedAsync("chown", ["-R", $"{ServerUser}:", RootDirectory], null, StopTimeout)
                .ConfigureAwait(false);
        }

        await RunAsServerUserAsync(
            "initdb",
            ["-D", DataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"],
            InitDbTimeout).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            _port = LoopbackPort.FindFree();
            StartServerProcess();
            AppDomain.CurrentDomain.ProcessExit += KillOnProcessExit;

            if (await WaitUntilReadyOrExitedAsync().ConfigureAwait(false))
            {
                return;
            }

            // The port found free was taken before postgres bound it: try another one.
            var log = ServerLog;
            var portTaken = log.Contains("Address already in use", StringComparison.Ordinal);
            var exitCode = _server!.ExitCode;
            ForgetServer();
            if (!portTaken || attempt == StartAttempts)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL (from {_binDirectory}) exited with code {exitCode} while starting on 127.0.0.1:{_port}. Server log:\n{log}");
            }
        }
    }

    /// <summary>
    /// Creates an empty database (named <paramref name="name"/>, or a unique <c>kd_…</c> name) and returns
    /// a connection string to it. Each test that needs isolation takes its own database.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= $"kd_{Guid.NewGuid():N}";
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a plain database name (letters, digits, underscores; at most 63 characters).", nameof(name));
        }

        var connection = new NpgsqlConnection(ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        return ConnectionStringFor(name);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnProcessExit;
        ClearConnectionPools();

        if (_server is not null)
        {
            await StopServerAsync().ConfigureAwait(false);
            ForgetServer();
        }

        if (RootDirectory.Length > 0 && Directory.Exists(RootDirectory))
        {
            Directory.Delete(RootDirectory, recursive: true);
        }
    }

    private static string CreateRootDirectory(bool runAsServerUser)
    {
        // As root the server user must be able to reach its directory, and TMPDIR may point inside
        // /root (mode 0700): /tmp is world-traversable everywhere.
        if (runAsServerUser && Directory.Exists("/tmp"))
        {
            var path = Path.Combine("/tmp", $"kalshidesk-pg-{Guid.NewGuid():N}");
            Directory.CreateDirectory(path);
            return path;
        }

        return Directory.CreateTempSubdirectory("kalshidesk-pg-").FullName;
    }

    private static async Task EnsureServerUserExistsAsync()
    {
        await UserCreation.WaitAsync().ConfigureAwait(false);
        try
        {
            var (exists, _) = await ExternalCommand
                .RunAsync("id", ["-u", ServerUser], null, StopTimeout)
                .ConfigureAwait(false);
            if (exists == 0)
            {
                return;
            }

            var (exitCode, output) = await ExternalCommand
                .RunAsync(SystemTool("useradd"), ["--system", "--no-create-home", ServerUser], null, StopTimeout)
                .ConfigureAwait(false);

            // useradd exits 9 when another process created the user meanwhile.
            if (exitCode is not 0 and not 9)
            {
                throw new InvalidOperationException(
                    $"Running as root, the PostgreSQL fixture needs a '{ServerUser}' system user and could not create it (useradd exited {exitCode}): {output}");
            }
        }
        finally
        {
            UserCreation.Release();
        }
    }

    private static string SystemTool(string name) =>
        new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin" }
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists) ?? name;

    private static InvalidOperationException NotStarted() =>
        new("The PostgreSQL server is not started: xunit calls InitializeAsync before the tests that use the fixture.");

    private string ConnectionStringFor(string database)
    {
        var connectionString = $"Host=127.0.0.1;Port={Port};Username={SuperUser};Database={database}";
        lock (_issuedConnectionStrings)
        {
            _issuedConnectionStrings.Add(connectionString);
        }

        return connectionString;
    }

    private (string FileName, List<string> Arguments) AsServerUser(string program, IEnumerable<string> arguments)
    {
        var path = Path.Combine(_binDirectory!, program);
        return _runAsServerUser
            ? (SystemTool("runuser"), ["-u", ServerUser, "--", path, .. arguments])
            : (path, [.. arguments]);
    }

    private async Task RunAsServerUserAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var (fileName, fullArguments) = AsServerUser(program, arguments);
        await ExternalCommand.RunCheckedAsync(fileName, fullArguments, RootDirectory, timeout).ConfigureAwait(false);
    }

    private void StartServerProcess()
    {
        lock (_serverLog)
        {
            _serverLog.Clear();
        }

        var (fileName, arguments) = AsServerUser(
            "postgres",
            [
                "-D", DataDirectory,
                "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-c", "listen_addresses=127.0.0.1",
                "-c", $"unix_socket_directories={SocketDirectory}",
                // A test database is thrown away: durability only costs time.
                .. (Durable ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
                // An app under test holds EF Core and Hangfire pools (~10 Hangfire workers each); the default
                // 100 runs out when a collection shares one server between several apps.
                "-c", "max_connections=300",
            ]);

        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RootDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        _server = new Process { StartInfo = startInfo };
        _server.OutputDataReceived += (_, e) => AppendLog(e.Data);
        _server.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        _server.Start();
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
    }

    /// <summary>True once the server accepts connections; false if it exited first.</summary>
    private async Task<bool> WaitUntilReadyOrExitedAsync()
    {
        var probe = $"Host=127.0.0.1;Port={_port};Username={SuperUser};Database=postgres;Pooling=false;Timeout=5";
        var ready = false;
        try
        {
            await Eventually.Until(
                async () => _server!.HasExited || (ready = await AcceptsConnectionAsync(probe).ConfigureAwait(false)),
                StartTimeout,
                $"PostgreSQL on 127.0.0.1:{_port} did not accept connections").ConfigureAwait(false);
        }
        catch (TimeoutException timeout)
        {
            var log = ServerLog;
            await StopServerAsync().ConfigureAwait(false);
            ForgetServer();
            throw new InvalidOperationException($"{timeout.Message}. Server log:\n{log}", timeout);
        }

        if (!ready)
        {
            // Let the output readers reach end of stream so the log holds the reason it exited.
            await _server!.WaitForExitAsync().ConfigureAwait(false);
        }

        return ready;
    }

    private static async Task<bool> AcceptsConnectionAsync(string connectionString)
    {
        try
        {
            var connection = new NpgsqlConnection(connectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync().ConfigureAwait(false);
                return true;
            }
        }
        catch (NpgsqlException)
        {
            // Refused while the postmaster binds, or "the database system is starting up".
            return false;
        }
    }

    private async Task StopServerAsync()
    {
        var server = _server!;
        if (!server.HasExited)
        {
            try
            {
                await RunAsServerUserAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w"], StopTimeout)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // pg_ctl could not stop it (no postmaster.pid yet, or it hung): the kill below ends it.
            }
        }

        using var exited = new CancellationTokenSource(StopTimeout);
        try
        {
            await server.WaitForExitAsync(exited.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    private void ForgetServer()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnProcessExit;
        _server?.Dispose();
        _server = null;
    }

    private void KillOnProcessExit(object? sender, EventArgs e)
    {
        // Backstop for a test host that exits without disposing fixtures: never leave a postmaster behind.
        try
        {
            if (_server is { HasExited: false } server)
            {
                server.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void ClearConnectionPools()
    {
        string[] issued;
        lock (_issuedConnectionStrings)
        {
            issued = [.. _issuedConnectionStrings];
        }

        foreach (var connectionString in issued)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_serverLog)
        {
            _serverLog.AppendLine(line);
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
