using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KalshiDesk.Benchmarks.Dashboards;

/// <summary>
/// The real desk, <c>kalshidesk</c>, started as its own process as a user starts it: paper trading against its
/// embedded Sandbox, in a fresh folder (so a fresh SQLite database under <c>data/</c>), with a seeded admin and token.
/// </summary>
internal sealed class DeskServer : IAsyncDisposable
{
    public const string AdminPassword = "dashboard-latency-password";
    public const string ApiToken = "dashboard-latency-token-0123456789";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly DirectoryInfo _directory;

    private DeskServer(Process process, DirectoryInfo directory, Uri baseAddress, string executable)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
        Executable = executable;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string Executable { get; }

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The Release build of the desk beside this program's own output (artifacts/bin/KalshiDesk.Web/release).</summary>
    public static string DefaultExecutable()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var path = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "KalshiDesk.Web", configuration, "kalshidesk.dll"));
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: build with dotnet run -c Release --project benchmarks/KalshiDesk.Benchmarks (it builds the desk too), or pass --desk PATH.");
    }

    /// <param name="environment">Settings beside the script's own (an external exchange's <c>Kalshi__*</c>, say); they win.</param>
    public static DeskServer Start(DashboardLatencyOptions options, IReadOnlyDictionary<string, string>? environment = null)
    {
        var executable = options.Desk ?? DefaultExecutable();
        var directory = Directory.CreateTempSubdirectory("kalshidesk-dashboards-");
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(executable);
        info.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{port}"));
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("KALSHIDESK_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = options.Environment;
        info.Environment["KALSHIDESK_ADMIN_PASSWORD"] = AdminPassword;
        info.Environment["KALSHIDESK_API_TOKEN"] = ApiToken;
        info.Environment["Trading__Mode"] = "Paper";
        info.Environment["Sandbox__Markets"] = options.World.ToString(CultureInfo.InvariantCulture);
        info.Environment["Sandbox__Seed"] = options.Seed.ToString(CultureInfo.InvariantCulture);

        // The world holds still: a proposal is still worth taking when it is approved, so every approval fills.
        info.Environment["Sandbox__TickInterval"] = "00:00:00";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        return new DeskServer(process, directory, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")), executable);
    }

    /// <summary>Waits until <c>/healthz</c> answers 200.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"kalshidesk exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative), ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"kalshidesk did not answer /healthz within {timeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The process's memory from <c>/proc/{pid}/status</c>: resident now and its peak since start, in bytes.</summary>
    public ProcMemory? ReadMemory() => ProcMemory.Read(_process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            _directory.Delete(true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned up by the system.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

/// <summary><c>VmRSS</c> (resident now) and <c>VmHWM</c> (the resident peak since the process started), in bytes.</summary>
internal readonly record struct ProcMemory(long Resident, long ResidentPeak)
{
    public static ProcMemory? Read(int pid)
    {
        try
        {
            long rss = -1, hwm = -1;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kilobytes(line);
                }
            }

            return rss < 0 ? null : new ProcMemory(rss, hwm);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Kilobytes(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
    }
}
