using System.Globalization;
using KalshiDesk.Sandbox.History;
using KalshiDesk.TestKit.Processes;

namespace KalshiDesk.Sandbox.Tests.History;

/// <summary><c>samples/backtest/sandbox-seed42.csv</c> is what the command in its README writes today, byte for byte.</summary>
public sealed class SampleRecordingTests
{
    private const string Sample = "samples/backtest/sandbox-seed42.csv";

    [Fact]
    public void Sample_EqualsAFreshRecordingByItsReadmesCommand()
    {
        var root = DeskProcess.RepositoryRoot();
        var readme = File.ReadAllLines(Path.Combine(root, "samples", "backtest", "README.md"));
        var command = Assert.Single(readme, l => l.StartsWith("kalshidesk sandbox --record ", StringComparison.Ordinal));
        var options = OptionsOf(command);
        using var fresh = new StringWriter(CultureInfo.InvariantCulture);

        SandboxHistory.Record(options, fresh);

        var sample = File.ReadAllText(Path.Combine(root, Sample));
        Assert.True(sample == fresh.ToString(), $"{Sample} differs from a fresh recording; run `{command}` from the repository root and commit the file.");
    }

    /// <summary>The options <c>kalshidesk sandbox --record</c> builds from <paramref name="command"/> (the flags the sample uses).</summary>
    private static SandboxHistoryOptions OptionsOf(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var options = new SandboxHistoryOptions();
        for (var i = 2; i < words.Length; i += 2)
        {
            var value = words[i + 1];
            switch (words[i])
            {
                case "--record":
                    Assert.Equal(Sample, value);
                    break;
                case "--seed":
                    options.Seed = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--markets":
                    options.Markets = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--days":
                    options.Days = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--every":
                    options.Every = TimeSpan.FromHours(int.Parse(value.TrimEnd('h'), CultureInfo.InvariantCulture));
                    break;
                default:
                    Assert.Fail($"the sample's command has {words[i]}, which this test does not read; teach it, so the sample is checked against what the command writes");
                    break;
            }
        }

        return options;
    }
}
