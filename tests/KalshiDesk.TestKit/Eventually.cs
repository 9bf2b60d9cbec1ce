using System.Diagnostics;

namespace KalshiDesk.TestKit;

/// <summary>
/// Waits on a condition instead of sleeping: tests poll what they expect to become true and fail
/// with a reason when it does not within the timeout.
/// </summary>
public static class Eventually
{
    /// <summary>Pause between two evaluations of the condition.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Evaluates <paramref name="condition"/> until it returns true; throws a <see cref="TimeoutException"/>
    /// whose message starts with <paramref name="because"/> once <paramref name="timeout"/> has passed.
    /// An exception thrown by the condition is not swallowed: it ends the wait at once.
    /// </summary>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentException.ThrowIfNullOrWhiteSpace(because);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);

        var elapsed = Stopwatch.StartNew();
        var attempts = 0;
        while (true)
        {
            attempts++;
            if (await condition().ConfigureAwait(false))
            {
                return;
            }

            if (elapsed.Elapsed >= timeout)
            {
                throw new TimeoutException(
                    $"{because} (condition still false after {elapsed.Elapsed.TotalSeconds:0.0} s and {attempts} attempts; timeout {timeout.TotalSeconds:0.0} s)");
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous-condition form of <see cref="Until(Func{Task{bool}}, TimeSpan, string)"/>.</summary>
    public static Task Until(Func<bool> condition, TimeSpan timeout, string because)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Until(() => Task.FromResult(condition()), timeout, because);
    }
}
