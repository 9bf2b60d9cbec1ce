using System.CommandLine;

namespace KalshiDesk.Web.Hosting;

/// <summary>
/// The <c>kalshidesk</c> command line: no verb serves the dashboard and runs the jobs; <c>doctor</c> checks the set-up.
/// Configuration arguments (<c>--urls=...</c>, <c>--Trading:Preset=...</c>) pass through to the host.
/// </summary>
public static class DeskCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("KalshiDesk: a self-hosted trading desk for Kalshi. Without a command it serves the dashboard on http://localhost:5000.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parse, ct) => KalshiDeskHost.RunAsync([.. parse.UnmatchedTokens]));

        var doctor = new Command("doctor", "Checks configuration, database, exchange reachability and, with keys, authentication and the balance. Exits non-zero when anything fails.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        doctor.SetAction((parse, ct) => DeskDoctor.RunAsync([.. parse.UnmatchedTokens], Console.Out, ct));
        root.Subcommands.Add(doctor);

        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
