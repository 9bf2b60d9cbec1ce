using System.Globalization;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Portfolio;
using Microsoft.AspNetCore.Components;

namespace KalshiDesk.Web.Components.Pages.Portfolio;

/// <summary>
/// The account, and tabs of its positions, orders, fills and settlements, each sortable with its CSV download; redrawn
/// when a fill, a settlement, a proposal's order or a cycle changes them, without a reload.
/// </summary>
public partial class PortfolioPage
{
    /// <summary>The newest rows each tab loads; the CSV download holds them all.</summary>
    public const int Newest = TradeQuery.MaxLimit;

    /// <summary>Rows a table page shows.</summary>
    public const int PageSize = 25;

    private PortfolioSnapshot? _account;
    private OrdersPage _orders = new(0, 0, Newest, []);
    private FillsPage _fills = new(0, 0, Newest, []);
    private SettlementsPage _settlements = new(0, 0, Newest, []);

    [Inject]
    private PortfolioReader Portfolio { get; set; } = default!;

    [Inject]
    private TradeHistory History { get; set; } = default!;

    protected override bool Affects(DeskEvent deskEvent) => deskEvent is PositionsChanged or CycleCompleted or ProposalChanged;

    // The tab shown: 0 positions, 1 orders, 2 fills, 3 settlements.
    private int _tab;

    /// <summary>
    /// The account, and the history of the tab shown only: with many dashboards open a fill makes every one reload, and
    /// reading three histories each time would cost more than the page shows. A history tab counts its rows once opened.
    /// </summary>
    protected override async Task LoadAsync()
    {
        var newest = new TradeQuery(Limit: Newest);
        var account = await Portfolio.ReadAsync();
        switch (_tab)
        {
            case 1:
                _orders = await History.ReadOrdersAsync(newest);
                break;
            case 2:
                _fills = await History.ReadFillsAsync(newest);
                break;
            case 3:
                _settlements = await History.ReadSettlementsAsync(newest);
                break;
        }

        _account = account;
    }

    private string Header(int tab, string name, int total) => _tab == tab ? string.Create(CultureInfo.InvariantCulture, $"{name} ({total:#,0})") : name;

    private async Task OnTabChangedAsync(int tab)
    {
        _tab = tab;
        await LoadAsync();
    }

    private static string Shown(int shown, int total, string what) =>
        shown < total
            ? string.Create(CultureInfo.InvariantCulture, $"The newest {shown:#,0} of {total:#,0} {what}; the CSV holds them all.")
            : string.Create(CultureInfo.InvariantCulture, $"{total:#,0} {what}, newest first.");

    private static string Held(SettlementView s) =>
        (s.YesCount, s.NoCount) switch
        {
            (> 0m, > 0m) => $"{Count(s.YesCount)} YES, {Count(s.NoCount)} NO",
            (> 0m, _) => $"{Count(s.YesCount)} YES",
            _ => $"{Count(s.NoCount)} NO",
        };

    private static string Dollars(decimal d) => d.ToString("$#,0.00;-$#,0.00", CultureInfo.InvariantCulture);

    private static string Price(decimal? d) => d is { } v ? v.ToString("0.00##", CultureInfo.InvariantCulture) : "—";

    private static string Count(decimal d) => d.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
