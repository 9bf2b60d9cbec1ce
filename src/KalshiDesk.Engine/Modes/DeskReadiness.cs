using KalshiDesk.Data;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Modes;

/// <summary>
/// The doctor's checks inside the running desk, against its own databases (main and paper) and exchange client. The key is shown by the
/// first four characters of its id only, since the results reach the dashboard. Each exchange call is bounded by
/// <see cref="ExchangeTimeout"/>, so a dialog waiting on them is never left hanging.
/// </summary>
public sealed class DeskReadiness(
    DeskDatabases databases,
    IKalshiClient client,
    IOptions<KalshiOptions> kalshi,
    PresetProvider presets,
    DeskModeStore modes,
    IEnumerable<IStartupValidator> validators) : IDeskReadiness
{
    /// <summary>Time allowed for each exchange check, retries included.</summary>
    public static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(20);

    public async Task<IReadOnlyList<DeskCheck>> CheckAsync(CancellationToken ct = default)
    {
        var checks = new List<DeskCheck> { await ConfigurationAsync(ct).ConfigureAwait(false) };
        checks.AddRange(await DeskChecks.DatabasesAsync(databases, ct).ConfigureAwait(false));
        var options = kalshi.Value;
        using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            bounded.CancelAfter(ExchangeTimeout);
            checks.Add(await DeskChecks.ExchangeAsync(client, options, bounded.Token).ConfigureAwait(false));
        }

        if (DeskChecks.TryLoadKey(options, out var signer) is { } unusable)
        {
            checks.Add(unusable);
            return checks;
        }

        using (signer)
        using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            bounded.CancelAfter(ExchangeTimeout);
            var keyId = signer is null ? null : DeskChecks.ShortKeyId(signer.KeyId);
            checks.Add(await DeskChecks.ApiKeyAsync(client, "key", keyId, bounded.Token).ConfigureAwait(false));
        }

        return checks;
    }

    private async Task<DeskCheck> ConfigurationAsync(CancellationToken ct)
    {
        try
        {
            foreach (var validator in validators)
            {
                validator.Validate();
            }
        }
        catch (OptionsValidationException ex)
        {
            return DeskChecks.ConfigurationFailed(string.Join(" ", ex.Failures));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return DeskChecks.ConfigurationFailed(string.Join(" ", ex.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)));
        }

        var mode = (await modes.ReadAsync(ct).ConfigureAwait(false)).Mode;
        var preset = await presets.GetActiveAsync(ct).ConfigureAwait(false);
        return DeskChecks.Configuration(mode.ToString(), preset.Name, databases.Main.Provider);
    }
}
