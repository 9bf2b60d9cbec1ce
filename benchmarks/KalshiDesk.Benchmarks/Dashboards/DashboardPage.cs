using System.Text.Json;
using Microsoft.Playwright;

namespace KalshiDesk.Benchmarks.Dashboards;

/// <summary>
/// One signed-in browser page on the Portfolio page, watching its positions table: a MutationObserver notes, with the
/// page's <c>Date.now()</c>, every moment a position's row appears or its contract count changes.
/// </summary>
internal sealed class DashboardPage(int index, IBrowserContext context, IPage page, List<string> errors)
{
    /// <summary>
    /// Installed once per document. Each time the DOM changes it reads every row of the positions table and records the
    /// rows whose contract count differs from the last one seen (a new row counts), with the time; waiters are woken.
    /// </summary>
    private const string ObserverScript = """
        () => {
          if (window.__kdFills) return window.__kdFills.last.size;
          const state = { last: new Map(), changes: [], waiters: new Set() };
          window.__kdFills = state;
          const scan = () => {
            const now = Date.now();
            for (const row of document.querySelectorAll('.kd-positions tbody tr, table[aria-label="Open positions"] tbody tr')) {
              const ticker = row.querySelector('.kd-ticker')?.textContent?.trim();
              const cells = row.querySelectorAll('td');
              const side = (row.querySelector('td[data-label="Side"]') ?? cells[1])?.textContent?.trim()?.toLowerCase();
              const contracts = (row.querySelector('td[data-label="Contracts"]') ?? cells[2])?.textContent?.trim();
              if (!ticker || !side || contracts === undefined) continue;
              const key = ticker + ':' + side;
              if (state.last.get(key) !== contracts) {
                state.last.set(key, contracts);
                state.changes.push({ key, contracts: parseFloat(contracts), at: now });
              }
            }
            for (const wake of [...state.waiters]) wake();
          };
          new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
          scan();
          return state.last.size;
        }
        """;

    /// <summary>Resolves with the time the row showed <c>contracts</c> for <c>key</c>, or null after the timeout.</summary>
    private const string WaitScript = """
        ([key, contracts, timeoutMs]) => new Promise(resolve => {
          const state = window.__kdFills;
          if (!state) { resolve(-1); return; }
          const find = () => state.changes.find(c => c.key === key && Math.abs(c.contracts - contracts) < 0.005);
          let timer;
          const wake = () => {
            const hit = find();
            if (hit) { state.waiters.delete(wake); clearTimeout(timer); resolve(hit.at); }
          };
          timer = setTimeout(() => { state.waiters.delete(wake); resolve(null); }, timeoutMs);
          state.waiters.add(wake);
          wake();
        })
        """;

    public int Index { get; } = index;

    public IPage Page { get; } = page;

    /// <summary>Opens /portfolio in a fresh context, signs in as the seeded admin on the page it redirects to, and lands back on /portfolio.</summary>
    public static async Task<DashboardPage> OpenAsync(int index, IBrowser browser, Uri baseAddress, string password)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } }).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        // A shared, busy machine can take a while to serve the first pages: generous waits, and no wait for every image.
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(new Uri(baseAddress, "portfolio").AbsoluteUri, new() { WaitUntil = WaitUntilState.DOMContentLoaded }).ConfigureAwait(false);
        await page.GetByLabel("User name").FillAsync("admin").ConfigureAwait(false);
        await page.GetByLabel("Password").FillAsync(password).ConfigureAwait(false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync().ConfigureAwait(false);
        await page.WaitForURLAsync("**/portfolio", new() { WaitUntil = WaitUntilState.DOMContentLoaded }).ConfigureAwait(false);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Portfolio", Level = 1 }).WaitForAsync().ConfigureAwait(false);
        return new DashboardPage(index, context, page, errors);
    }

    /// <summary>Installs the observer (again, if the page was reloaded); the number of position rows it sees.</summary>
    public Task<int> WatchAsync() => Page.EvaluateAsync<int>(ObserverScript);

    /// <summary>
    /// The page's wall-clock time (Unix milliseconds) at which position <paramref name="positionId"/> showed
    /// <paramref name="contracts"/>; null if it did not within <paramref name="timeout"/>.
    /// </summary>
    public async Task<double?> ShownAtAsync(string positionId, decimal contracts, TimeSpan timeout)
    {
        var result = await Page.EvaluateAsync<JsonElement>(WaitScript, new object[] { positionId, (double)contracts, timeout.TotalMilliseconds }).ConfigureAwait(false);
        return result.ValueKind switch
        {
            JsonValueKind.Number when result.GetDouble() >= 0 => result.GetDouble(),
            JsonValueKind.Number => throw new InvalidOperationException($"page {Index} lost its observer: it was reloaded ({Page.Url})"),
            _ => null,
        };
    }

    /// <summary>What the page shows of its positions, and what its observer saw: for a report on a page that timed out.</summary>
    public async Task<string> DescribeAsync()
    {
        const string script = """
            () => {
              const table = document.querySelector('.kd-positions, table[aria-label="Open positions"]');
              const rows = table ? [...table.querySelectorAll('tbody tr')].map(r => r.innerText.replace(/\s+/g, ' ').trim()) : [];
              const seen = window.__kdFills ? window.__kdFills.changes.map(c => c.key + '=' + c.contracts).join(', ') : 'no observer';
              const main = document.querySelector('.mud-main-content') ?? document.body;
              return 'resources: ' + performance.getEntriesByType('resource').map(e => e.name.replace(location.origin, '')).join(' ') + '; rows: [' + rows.join(' | ') + ']; observer saw: ' + seen + (table ? '' : '; no positions table; the page says: ' + main.innerText.replace(/\s+/g, ' ').slice(0, 300));
            }
            """;
        try
        {
            string console;
            lock (errors)
            {
                console = errors.Count == 0 ? "none" : string.Join(" | ", errors.TakeLast(5));
            }

            return await Page.EvaluateAsync<string>(script).ConfigureAwait(false) + "; console errors: " + console;
        }
        catch (PlaywrightException ex)
        {
            return ex.Message;
        }
    }

    public Task CloseAsync() => context.CloseAsync();
}
