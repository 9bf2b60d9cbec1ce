using System.Net;
using System.Text;

namespace KalshiDesk.TestKit.Tests;

/// <summary>Serves one HTML page on 127.0.0.1 until disposed, counting the requests it answered.</summary>
internal sealed class LoopbackPageServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly byte[] _page;
    private readonly Task _serving;
    private int _requests;

    private LoopbackPageServer(HttpListener listener, string html, Uri address)
    {
        _listener = listener;
        _page = Encoding.UTF8.GetBytes(html);
        Address = address;
        _serving = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    public int Requests => Volatile.Read(ref _requests);

    public static LoopbackPageServer Start(string html)
    {
        // The free port can be taken between the probe and Start(): try a few.
        for (var attempt = 1; ; attempt++)
        {
            var address = new Uri($"http://127.0.0.1:{LoopbackPort.FindFree()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(address.ToString());
            try
            {
                listener.Start();
                return new LoopbackPageServer(listener, html, address);
            }
            catch (HttpListenerException) when (attempt < 3)
            {
                listener.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving.ConfigureAwait(false);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = _page.Length;
            await context.Response.OutputStream.WriteAsync(_page).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}
