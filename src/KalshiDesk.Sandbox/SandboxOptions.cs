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

    /// <summary>
    /// Where the demo account's API key is kept (<c>sandbox-demo-key.pem</c>, PKCS#8, mode 0600, and <c>sandbox-demo-key.id</c>),
    /// made there at the first start and reused after; null (the default) makes a new key in memory at every start.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Another API key id to accept, for the key in <see cref="PublicKey"/> (both or neither).</summary>
    public string? KeyId { get; set; }

    /// <summary><see cref="KeyId"/>'s RSA public key: PEM text or the path of a PEM file (<c>PUBLIC KEY</c> or <c>RSA PUBLIC KEY</c>).</summary>
    public string? PublicKey { get; set; }

    /// <summary>How far KALSHI-ACCESS-TIMESTAMP may be from the exchange's clock, either way (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Kalshi's token buckets, per API key (Basic tier by default; <c>Enabled = false</c> turns them off).</summary>
    public RateLimiting.SandboxRateLimits RateLimits { get; set; } = new();

    /// <summary>
    /// A recording to replay instead of the simulated world: the settled-markets CSV of the backtests
    /// (<c>ticker,category,price,outcome[,close_time,observed_at]</c>). <see cref="Markets"/> is then ignored.
    /// </summary>
    public string? ReplayPath { get; set; }

    /// <summary>How many recorded seconds pass each second of a replay (default 60: an hour of recording a minute).</summary>
    [Range(1.0, 10_000_000.0)]
    public double ReplaySpeed { get; set; } = 60;

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

        if (string.IsNullOrWhiteSpace(KeyId) != string.IsNullOrWhiteSpace(PublicKey))
        {
            throw new ArgumentException(string.IsNullOrWhiteSpace(KeyId)
                ? $"{Section}:{nameof(KeyId)}: is missing; {Section}:{nameof(PublicKey)} needs the key id it belongs to."
                : $"{Section}:{nameof(PublicKey)}: is missing; {Section}:{nameof(KeyId)} needs its public key (PEM text or a .pem file).");
        }

        (RateLimits ?? throw new ArgumentException($"{Section}:{nameof(RateLimits)}: is missing.")).Validate();
    }
}
