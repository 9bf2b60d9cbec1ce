using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KalshiDesk.TestKit.Processes;

/// <summary>Runs the built <c>kalshidesk</c> executable as a user would, capturing what it prints.</summary>
public sealed class DeskProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private DeskProcess(Process process, Uri? baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_errors, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri? BaseAddress { get; }

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

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// The repository root: the nearest folder above the tests holding KalshiDesk.sln, or above this source file when the
    /// build's output lives elsewhere (<c>-p:ArtifactsPath=...</c>).
    /// </summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, SourceDirectory() })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KalshiDesk.sln")))
            {
                dir = dir.Parent;
            }

            if (dir is not null)
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KalshiDesk.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The built executable: beside the tests' own output (artifacts/bin/KalshiDesk.Web/debug of the same build, wherever
    /// its artifacts are), else in the repository's artifacts.
    /// </summary>
    public static string ExecutablePath()
    {
        var besideTests = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "KalshiDesk.Web", "debug", "kalshidesk.dll"));
        if (File.Exists(besideTests))
        {
            return besideTests;
        }

        var path = Path.Combine(RepositoryRoot(), "artifacts", "bin", "KalshiDesk.Web", "debug", "kalshidesk.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the solution first (./test.sh does).");
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? path;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>kalshidesk</c> with <paramref name="args"/>, in <paramref name="workingDirectory"/>, with the given environment.</summary>
    public static DeskProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ExecutablePath());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("KALSHIDESK_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        Uri? address = null;
        var urls = args.FirstOrDefault(a => a.StartsWith("--urls=", StringComparison.Ordinal));
        if (urls is not null)
        {
            address = new Uri(urls["--urls=".Length..]);
        }

        return new DeskProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"), address);
    }

    /// <summary>Waits for the process to exit on its own.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until <c>/healthz</c> answers 200, failing with what the process printed if it exits or times out.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.Until(
                async () =>
                {
                    if (_process.HasExited)
                    {
                        throw new InvalidOperationException($"kalshidesk exited with {_process.ExitCode}:\n{Output}\n{Errors}");
                    }

                    try
                    {
                        using var response = await http.GetAsync("/healthz").ConfigureAwait(false);
                        return response.IsSuccessStatusCode;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return false; // Not listening yet, or a slow start.
                    }
                },
                timeout,
                "kalshidesk should answer /healthz").ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{Output}\n{Errors}", ex);
        }
    }

    /// <summary>Waits until the process has printed a line starting with <paramref name="prefix"/>, and returns it.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        string? found = null;
        await Eventually.Until(
            () =>
            {
                found = Output.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.TrimEnd('\r');
                return found is not null || _process.HasExited;
            },
            timeout,
            $"kalshidesk should print a line starting with '{prefix}'").ConfigureAwait(false);
        return found ?? throw new InvalidOperationException($"kalshidesk exited with {_process.ExitCode} before printing '{prefix}':\n{Output}\n{Errors}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }
}
