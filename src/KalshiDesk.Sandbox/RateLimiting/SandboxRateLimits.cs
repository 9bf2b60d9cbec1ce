using System.ComponentModel.DataAnnotations;

namespace KalshiDesk.Sandbox.RateLimiting;

/// <summary>
/// Kalshi's token buckets (configuration section <c>Sandbox:RateLimits</c>): a read and a write bucket per API key (per remote
/// address for unsigned calls), each refilling at a rate up to a capacity; a request costs <see cref="DefaultCost"/> tokens
/// (2 for a cancel or a single-order read) and one that finds too few answers 429. The defaults are Kalshi's Basic tier.
/// </summary>
public sealed class SandboxRateLimits
{
    /// <summary>False turns the limits off: nothing is ever answered 429.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The usage tier <c>GET /account/limits</c> reports (default <c>basic</c>).</summary>
    [Required]
    [RegularExpression("^[a-z_]+$", ErrorMessage = "The field Tier must be lower-case letters, e.g. basic.")]
    public string Tier { get; set; } = "basic";

    /// <summary>Read tokens added a second (default 200).</summary>
    [Range(1, 1_000_000)]
    public int ReadRefillPerSecond { get; set; } = 200;

    /// <summary>The read bucket's size: the largest burst (default 200).</summary>
    [Range(1, 1_000_000)]
    public int ReadCapacity { get; set; } = 200;

    /// <summary>Write tokens added a second (default 100).</summary>
    [Range(1, 1_000_000)]
    public int WriteRefillPerSecond { get; set; } = 100;

    /// <summary>The write bucket's size (default 200: two seconds of budget).</summary>
    [Range(1, 1_000_000)]
    public int WriteCapacity { get; set; } = 200;

    /// <summary>Tokens a request costs unless its endpoint costs less (default 10).</summary>
    [Range(1, 1_000_000)]
    public int DefaultCost { get; set; } = 10;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    internal void Validate()
    {
        const string prefix = $"{SandboxOptions.Section}:{nameof(SandboxOptions.RateLimits)}";
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            var first = results[0];
            throw new ArgumentException($"{prefix}:{first.MemberNames.FirstOrDefault() ?? "?"}: {first.ErrorMessage}");
        }

        if (DefaultCost > Math.Min(ReadCapacity, WriteCapacity))
        {
            throw new ArgumentException($"{prefix}:{nameof(DefaultCost)}: {DefaultCost} is more than a bucket holds ({Math.Min(ReadCapacity, WriteCapacity)}), so no request could pass.");
        }
    }
}
