using System.ComponentModel.DataAnnotations;

namespace KalshiDesk.Sandbox;

/// <summary>The built-in exchange's settings, bound from the configuration section <c>Sandbox</c>.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>How many markets the world has (default 48, at most 40000).</summary>
    [Range(1, 40000)]
    public int Markets { get; set; } = 48;

    /// <summary>The world's seed: the same seed builds the same markets and, tick for tick, the same prices (default 42).</summary>
    public int Seed { get; set; } = 42;

    /// <summary>How often the world moves (default 2 s); <see cref="TimeSpan.Zero"/> means only when <see cref="SandboxExchange.Tick"/> is called.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The demo account's opening cash, in dollars (default 10000).</summary>
    [Range(typeof(decimal), "0", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal StartingBalanceDollars { get; set; } = 10000m;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    internal void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            var first = results[0];
            var member = first.MemberNames.FirstOrDefault() ?? "?";
            throw new ArgumentException($"{Section}:{member}: {first.ErrorMessage}");
        }

        if (decimal.Round(StartingBalanceDollars, 4) != StartingBalanceDollars)
        {
            throw new ArgumentException($"{Section}:{nameof(StartingBalanceDollars)}: at most four decimal places.");
        }
    }
}
