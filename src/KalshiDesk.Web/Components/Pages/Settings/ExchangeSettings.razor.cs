using KalshiDesk.Engine.Modes;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.WebSockets;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Components.Pages.Settings;

/// <summary>
/// The exchange the desk talks to: environment, REST and WebSocket URLs, the API key's status (never the key, at most
/// the first four characters of its id), and the doctor's exchange and key checks: whether it answers and trades, and the
/// balance when a key is set. The checks run once the page is interactive, and again on request.
/// </summary>
public partial class ExchangeSettings
{
    private KalshiKeyStatus _key = new(KalshiKeyState.Missing, "not configured", null);
    private string _restUrl = string.Empty;
    private string _webSocketUrl = string.Empty;
    private IReadOnlyList<DeskCheck>? _checks;
    private bool _checking;

    [Inject]
    private IOptions<KalshiOptions> Kalshi { get; set; } = default!;

    [Inject]
    private IDeskReadiness Readiness { get; set; } = default!;

    private string Environment => Kalshi.Value.Environment switch
    {
        KalshiEnvironment.Sandbox => "Sandbox (built in, on loopback: simulated markets, no real money)",
        KalshiEnvironment.Demo => "Demo (Kalshi's demo exchange: mock funds)",
        _ => "Production (Kalshi: real money)",
    };

    protected override void OnInitialized()
    {
        var options = Kalshi.Value;
        _key = DeskChecks.KeyStatus(options);
        _restUrl = Resolve(options.ResolveBaseUrl);
        _webSocketUrl = Resolve(() => KalshiWebSocketOptions.From(options).Url);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await CheckAsync();
            StateHasChanged();
        }
    }

    private async Task CheckAsync()
    {
        _checking = true;
        try
        {
            _checks = await Readiness.CheckAsync();
        }
        finally
        {
            _checking = false;
        }
    }

    private DeskCheck? Check(string name) => _checks?.FirstOrDefault(c => c.Name == name);

    private string Account() => Check("api key") switch
    {
        null when _key.State != KalshiKeyState.Configured => "no key: the balance needs one",
        null => "checking…",
        var check => Shown(check),
    };

    private static string Shown(DeskCheck check) => check.Passed ? check.Detail : $"{check.Detail} (fix: {check.Fix})";

    private static string Resolve(Func<Uri> url)
    {
        try
        {
            return url().AbsoluteUri;
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
    }
}
