namespace KalshiDesk.Engine.Tests.Alerts;

/// <summary>
/// The innermost handler of the desk's <c>alerts</c> client in tests: a request for discord.com goes to the loopback
/// receiver instead (path kept), and the requests on the wire are counted in <see cref="Wire"/>, so a test moves the
/// fake clock only while none is (a timeout on the fake clock would otherwise fire under a request in flight).
/// </summary>
internal sealed class DiscordRedirect(DiscordRedirect.Wire wire) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { Host: "discord.com" } uri)
        {
            request.RequestUri = new Uri(wire.Receiver, uri.PathAndQuery.TrimStart('/'));
        }

        wire.Started();
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            wire.Ended();
        }
    }

    /// <summary>Shared by every handler the factory builds: where Discord's requests go, and how many are on the wire.</summary>
    internal sealed class Wire(Uri receiver)
    {
        private int _inFlight;

        public Uri Receiver { get; } = receiver;

        public int InFlight => Volatile.Read(ref _inFlight);

        public void Started() => Interlocked.Increment(ref _inFlight);

        public void Ended() => Interlocked.Decrement(ref _inFlight);
    }
}
